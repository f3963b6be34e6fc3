package dev.cnnbuild.sample;

import static dev.cnnbuild.test.CnnAssertions.assertThat;

import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.robustness.PixelShift;
import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TestImage;
import dev.cnnbuild.test.Tolerance;
import dev.cnnbuild.test.TrainedModel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gates the tutorial network trained by {@code cnn:train} earlier in this build: every figure is measured here, on
 * the 10,000 MNIST test images, in one evaluation pass shared by all the assertions.
 */
@CnnTest
class MnistModelTest {
    private static final Path MNIST = Path.of(System.getProperty("mnist.directory", "data/mnist"));
    /** The baseline that {@code mvn cnn:bless} wrote from a full training; {@code cnn:check} compares with it too. */
    private static final Path BASELINE = Path.of("src/test/cnn/mnist-cnn.metrics.json");

    static int[] testLabels;

    @BeforeAll
    static void readTestLabels() throws Exception {
        testLabels = IdxReader.readLabels(MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    @Test
    void reachesTheTutorialsAccuracy(@TrainedModel("mnist-cnn") CnnModel model) {
        assertThat(model)
                .hasTestAccuracyAtLeast(0.985)
                .everyClassHasAccuracyAbove(0.95)
                .hasMacroF1Above(0.98)
                .confusesAtMost(4, 9, 0.02)
                .confusesAtMost(7, 2, 0.02);
    }

    @ParameterizedTest(name = "test digit {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 10, 11})
    void classifiesRealTestDigits(int index, @TrainedModel("mnist-cnn") CnnModel model) {
        TestImage digit = TestImage.idx(MNIST.resolve("t10k-images-idx3-ubyte.gz"), index);
        assertThat(model).classifiesWithConfidenceAbove(digit, testLabels[index], 0.5);
    }

    @Test
    void toleratesLightNoiseAndASmallShift(@TrainedModel("mnist-cnn") CnnModel model) {
        assertThat(model)
                .keepsAccuracyAboveUnderNoise(0.1, 0.95)
                .keepsAccuracyAboveUnder(new PixelShift(1, 1), 0.9); // one pixel right and down: one pass
    }

    @Test
    void fitsItsBudgets(@TrainedModel("mnist-cnn") CnnModel model) {
        assertThat(model)
                .hasParameterCountBelow(150_000)
                .hasMedianLatencyPerImageBelow(Duration.ofMillis(25))
                .hasMedianLatencyPerBatchBelow(256, Duration.ofSeconds(1));
    }

    /**
     * A retraining on another machine or thread count is not bit-identical but lies within 0.0034 of the baseline on
     * every figure measured (docs/retraining.md, "Reproducibility"); a class that loses 1 % fails.
     */
    @Test
    void noWorseThanTheBaseline(@TrainedModel("mnist-cnn") CnnModel model) {
        assertThat(model).isNoWorseThanBaseline(BASELINE, Tolerance.absolute(0.01));
    }
}

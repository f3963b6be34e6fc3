package dev.cnnbuild.sample;

import static dev.cnnbuild.test.CnnAssertions.assertThat;

import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TestImage;
import dev.cnnbuild.test.TrainedModel;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gates the residual network trained by {@code cnn:train} earlier in this build on the 10,000 MNIST test images:
 * the bar a residual network with today's recipe reaches where the tutorial network stops near 98.9 %.
 */
@CnnTest
class MnistResnetTest {
    private static final Path MNIST = Path.of(System.getProperty("mnist.directory", "data/mnist"));

    static int[] testLabels;

    @BeforeAll
    static void readTestLabels() throws Exception {
        testLabels = IdxReader.readLabels(MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    @Test
    void beatsTheTutorialNetwork(@TrainedModel("mnist-resnet") CnnModel model) {
        assertThat(model)
                .hasTestAccuracyAtLeast(0.994)
                .everyClassHasAccuracyAbove(0.985)
                .hasMacroF1Above(0.99)
                .confusesAtMost(4, 9, 0.01)
                .confusesAtMost(7, 2, 0.01);
    }

    @ParameterizedTest(name = "test digit {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 10, 11})
    void classifiesRealTestDigits(int index, @TrainedModel("mnist-resnet") CnnModel model) {
        TestImage digit = TestImage.idx(MNIST.resolve("t10k-images-idx3-ubyte.gz"), index);
        assertThat(model).classifiesWithConfidenceAbove(digit, testLabels[index], 0.5);
    }

    @Test
    void isSmallerThanTheTutorialNetwork(@TrainedModel("mnist-resnet") CnnModel model) {
        assertThat(model).hasParameterCountBelow(100_000);
    }
}

package dev.cnnbuild.test;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Latency;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.robustness.GaussianNoise;
import dev.cnnbuild.core.robustness.PixelShift;
import dev.cnnbuild.test.fixtures.BandsModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each assertion passes and fails on the hand-set bands model, whose every figure is known. */
class CnnModelAssertTest {
    static CnnModel model;
    static TestSet testSet;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        model = BandsModel.load();
        testSet = model.testSet().orElseThrow();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void accuracy() {
        assertThat(model).hasTestAccuracyAbove(0.9466).hasTestAccuracyAtLeast(2840 / 3000.0);

        assertThatThrownBy(() -> assertThat(model).hasTestAccuracyAbove(0.95))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting accuracy of model bands on its test set (2,840 of 3,000 correct) to be above"
                        + " 0.95 but was 0.9467; weakest classes: 0 (0.9000), 1 (0.9500), 2 (0.9900);"
                        + " most frequent confusions: 0->1 (80), 1->2 (50), 0->2 (20)");
        assertThatThrownBy(() -> assertThat(model).hasTestAccuracyAbove(2840 / 3000.0))
                .hasMessageContaining("to be above 0.9466666666666667 but was 0.9467");
        assertThatThrownBy(() -> assertThat(model).hasTestAccuracyAtLeast(0.95))
                .hasMessageStartingWith("Expecting accuracy of model bands on its test set (2,840 of 3,000 correct)"
                        + " to be at least 0.95 but was 0.9467;");
    }

    @Test
    void descriptionPrefixesTheMessage() {
        assertThatThrownBy(() -> assertThat(model).as("release gate %d", 2).hasTestAccuracyAbove(0.95))
                .hasMessageStartingWith("[release gate 2] Expecting accuracy of model bands");
    }

    @Test
    void classAccuracy() {
        assertThat(model).hasClassAccuracyAbove(2, 0.98);

        assertThatThrownBy(() -> assertThat(model).hasClassAccuracyAbove(0, 0.95))
                .hasMessage("Expecting accuracy (recall) of model bands on class 0 of its test set (900 of 1,000"
                        + " correct) to be above 0.95 but was 0.9000; its images were mistaken most for: 1 (80),"
                        + " 2 (20)");
    }

    @Test
    void everyClassAccuracy() {
        assertThat(model).everyClassHasAccuracyAbove(0.89);

        assertThatThrownBy(() -> assertThat(model).everyClassHasAccuracyAbove(0.95))
                .hasMessage("Expecting every class of model bands on its test set to have accuracy above 0.95 but"
                        + " 2 of 3 classes did not: 0 (0.9000, 900 of 1,000 correct),"
                        + " 1 (0.9500, 950 of 1,000 correct)");
    }

    @Test
    void precisionRecallAndF1OfAClass() {
        assertThat(model).hasPrecisionAbove(0, 0.98).hasRecallAbove(2, 0.98).hasF1Above(2, 0.96);

        assertThatThrownBy(() -> assertThat(model).hasPrecisionAbove(1, 0.95))
                .hasMessage("Expecting precision of class 1 of model bands on its test set to be above 0.95 but was"
                        + " 0.9223 (950 of 1,030 images predicted as 1 were 1)");
        assertThatThrownBy(() -> assertThat(model).hasRecallAbove(0, 0.95))
                .hasMessage("Expecting accuracy (recall) of model bands on class 0 of its test set (900 of 1,000"
                        + " correct) to be above 0.95 but was 0.9000; its images were mistaken most for: 1 (80),"
                        + " 2 (20)");
        assertThatThrownBy(() -> assertThat(model).hasF1Above(1, 0.95))
                .hasMessage("Expecting F1 of class 1 of model bands on its test set to be above 0.95 but was"
                        + " 0.9360 (precision 0.9223, recall 0.9500)");
    }

    @Test
    void macroAverages() {
        assertThat(model)
                .hasMacroPrecisionAbove(0.948)
                .hasMacroRecallAbove(0.946)
                .hasMacroF1Above(0.946);

        assertThatThrownBy(() -> assertThat(model).hasMacroPrecisionAbove(0.95))
                .hasMessage("Expecting macro precision of model bands on its test set to be above 0.95 but was"
                        + " 0.9484; lowest classes: 1 (0.9223), 2 (0.9340), 0 (0.9890)");
        assertThatThrownBy(() -> assertThat(model).hasMacroRecallAbove(0.95))
                .hasMessage("Expecting macro recall of model bands on its test set to be above 0.95 but was"
                        + " 0.9467; lowest classes: 0 (0.9000), 1 (0.9500), 2 (0.9900)");
        assertThatThrownBy(() -> assertThat(model).hasMacroF1Above(0.95))
                .hasMessage("Expecting macro F1 of model bands on its test set to be above 0.95 but was"
                        + " 0.9465; lowest classes: 1 (0.9360), 0 (0.9424), 2 (0.9612)");
    }

    @Test
    void loss() {
        // correct images: log(1 + 2e^-3) = 0.0949; the 160 wrong ones 3 more: 0.0949 + 160 * 3 / 3000 = 0.2549
        assertThat(model).hasTestLossBelow(0.26);

        assertThatThrownBy(() -> assertThat(model).hasTestLossBelow(0.25))
                .hasMessage("Expecting mean cross-entropy loss of model bands on its test set (3,000 images) to be"
                        + " below 0.25 but was 0.2549");
    }

    @Test
    void confusion() {
        assertThat(model).confusesAtMost(0, 1, 0.08).confusesAtMost(1, 0, 0);

        assertThatThrownBy(() -> assertThat(model).confusesAtMost(0, 1, 0.05))
                .hasMessage("Expecting at most 0.05 of the class 0 images of model bands on its test set to be"
                        + " predicted as 1 but 0.0800 were (80 of 1,000)");
    }

    @Test
    void singlePredictionFromAnArray() {
        TestImage band1 = TestImage.of(BandsModel.band(1, 255));
        assertThat(model).classifiesAs(band1, 1).classifiesWithConfidenceAbove(band1, 1, 0.909);

        assertThatThrownBy(() -> assertThat(model).classifiesAs(band1, 0))
                .hasMessage("Expecting model bands to classify a 6x6 pixel array as 0 but it predicted 1 with"
                        + " confidence 0.9094 (probabilities 1: 0.9094, 0: 0.0453, 2: 0.0453)");
        // grey level 128 gives logit 12 * 0.25 * 128 / 255 = 1.5059: confidence e^1.5059 / (e^1.5059 + 2)
        assertThatThrownBy(() ->
                        assertThat(model).classifiesWithConfidenceAbove(TestImage.of(BandsModel.band(0, 128)), 0, 0.9))
                .hasMessage("Expecting model bands to classify a 6x6 pixel array as 0 with confidence above 0.9"
                        + " but the confidence was 0.6927 (probabilities 0: 0.6927, 1: 0.1537, 2: 0.1537)");
    }

    @Test
    void singlePredictionFromAnIdxRecord() {
        Path images = BandsModel.OUTPUT.resolve("bands-source/test-images.idx3.gz");
        assertThat(model).classifiesAs(TestImage.idx(images, 0), 0);

        // image 900 is the first of class 0 bright in band 1
        assertThatThrownBy(() -> assertThat(model).classifiesAs(TestImage.idx(images, 900), 0))
                .hasMessage("Expecting model bands to classify image 900 of test-images.idx3.gz as 0 but it"
                        + " predicted 1 with confidence 0.9094 (probabilities 1: 0.9094, 0: 0.0453, 2: 0.0453)");
    }

    @Test
    void singlePredictionFromPngFiles() throws Exception {
        Path grey = png("two-grey.png", BufferedImage.TYPE_BYTE_GRAY, 2);
        Path colour = png("two-colour.png", BufferedImage.TYPE_INT_RGB, 2);

        assertThat(model)
                .classifiesAs(TestImage.png(grey), 2)
                .classifiesAs(TestImage.png(colour), 2)
                .classifiesWithConfidenceAbove(TestImage.png(colour), 2, 0.909);
        assertThatThrownBy(() -> assertThat(model).classifiesAs(TestImage.png(grey), 1))
                .hasMessageStartingWith("Expecting model bands to classify image two-grey.png as 1 but it predicted 2");
    }

    @Test
    void imagesOfAnotherSizeAreRefused() {
        assertThatThrownBy(() -> assertThat(model).classifiesAs(TestImage.of(new int[8][8]), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 8x8 pixel array is 8x8 pixels but model bands takes 6x6 images");
    }

    @Test
    void robustnessToNoise() {
        assertThat(model).keepsAccuracyAboveUnderNoise(0.05, 0.94);

        Evaluation noisy = model.evaluate(testSet, GaussianNoise.of(1.0));
        assertThatThrownBy(() -> assertThat(model).keepsAccuracyAboveUnderNoise(1.0, 0.94))
                .hasMessage("Expecting accuracy of model bands on its test set to stay above 0.94 with Gaussian noise"
                        + " of sigma 1.0000 (seed 42) but it was " + share(noisy.accuracy()) + " ("
                        + count(noisy.correct()) + " of 3,000 correct); 0.9467 without it");
    }

    @Test
    void robustnessToShifts() {
        // vertical shifts keep a band where it is; moving right by one splits each band over two, and a tie goes to
        // the lower class, which is the original band
        assertThat(model)
                .keepsAccuracyAboveUnder(new PixelShift(1, 0), 0.94)
                .keepsAccuracyAboveUnder(new PixelShift(0, 2), 0.94);

        Evaluation right = model.evaluate(testSet, new PixelShift(2, 0));
        Evaluation left = model.evaluate(testSet, new PixelShift(-2, 0));
        assertThatThrownBy(() -> assertThat(model).keepsAccuracyAboveWhenShifted(2, 0.9))
                .hasMessage("Expecting accuracy of model bands on its test set to stay above 0.9 with images shifted"
                        + " 2 pixels in each direction but it was " + share(right.accuracy()) + " ("
                        + count(right.correct()) + " of 3,000 correct) shifted 2 pixels right, "
                        + share(left.accuracy()) + " (" + count(left.correct()) + " of 3,000 correct) shifted 2 pixels"
                        + " left; 0.9467 without it");
    }

    @Test
    void parameterCount() {
        assertThat(model).hasParameterCountBelow(112);

        assertThatThrownBy(() -> assertThat(model).hasParameterCountBelow(111))
                .hasMessage("Expecting model bands to have fewer than 111 parameters but it has 111");
    }

    @Test
    void latency() {
        assertThat(model)
                .hasMedianLatencyPerImageBelow(Duration.ofSeconds(5))
                .hasMedianLatencyPerBatchBelow(64, Duration.ofSeconds(5));

        Latency perImage = model.latency(1);
        assertThatThrownBy(() -> assertThat(model).hasMedianLatencyPerImageBelow(Duration.ofNanos(1)))
                .hasMessage("Expecting median latency per image of model bands to be below 0.0000 ms but was "
                        + millis(perImage.median()) + " (median of 25 timed runs after 5 warm-up runs; fastest "
                        + millis(perImage.fastest()) + ", slowest " + millis(perImage.slowest()) + ")");
        assertThatThrownBy(() -> assertThat(model).hasMedianLatencyPerBatchBelow(64, Duration.ofNanos(1)))
                .hasMessageStartingWith("Expecting median latency per batch of 64 images of model bands to be below"
                        + " 0.0000 ms but was " + millis(model.latency(64).median()));
    }

    @Test
    void regressionAgainstABaselineFile() throws Exception {
        // the baseline predicted 50 more 0s right (fewer taken for 1s) and had a lower loss, 0.2
        Path better = baseline("better.json", new long[][] {{950, 30, 20}, {0, 950, 50}, {10, 0, 990}}, 600);
        Path same =
                baseline("same.json", BandsModel.COUNTS, model.evaluate(testSet).lossSum());

        assertThat(model)
                .isNoWorseThanBaseline(same, Tolerance.absolute(0))
                .isNoWorseThanBaseline(better, Tolerance.absolute(0.06));
        assertThatThrownBy(() -> assertThat(model).isNoWorseThanBaseline(better, Tolerance.absolute(0.03)))
                .hasMessage("Expecting no metric of model bands on its test set to be worse than baseline " + better
                        + " by more than 0.03 (absolute) but 3 of 14 were:"
                        + "\nbands: test loss is 0.2549, 0.0549 (27.46%) worse than the baseline 0.2000; at most"
                        + " 0.03 is allowed"
                        + "\nbands: accuracy of class 0 is 0.9000, 0.0500 (5.26%) worse than the baseline 0.9500;"
                        + " at most 0.03 is allowed"
                        + "\nbands: precision of class 1 is 0.9223, 0.0471 (4.85%) worse than the baseline 0.9694;"
                        + " at most 0.03 is allowed");
        assertThatThrownBy(() -> assertThat(model).isNoWorseThanBaseline(better, Tolerance.relative(0.05)))
                .hasMessageContaining("by more than 0.05 (relative) but 2 of 14 were:\nbands: test loss is 0.2549")
                .hasMessageEndingWith("\nbands: accuracy of class 0 is 0.9000, 0.0500 (5.26%) worse than the baseline"
                        + " 0.9500; at most 5% is allowed");
    }

    @Test
    void regressionAgainstAModelDirectoryReadsItsMetrics() {
        // the bands directory's metrics.json claims a perfect score, which the measured model does not reach
        Path directory = BandsModel.OUTPUT.resolve(BandsModel.NAME);

        assertThatThrownBy(() -> assertThat(model).isNoWorseThanBaseline(directory, Tolerance.absolute(0.01)))
                .hasMessageStartingWith("Expecting no metric of model bands on its test set to be worse than baseline "
                        + directory + " by more than 0.01 (absolute) but ")
                .hasMessageContaining("\nbands: test accuracy is 0.9467, 0.0533 (5.33%) worse than the baseline"
                        + " 1.0000; at most 0.01 is allowed\n");
    }

    @Test
    void regressionNeedsABaseline() {
        Path absent = dir.resolve("absent.json");

        assertThatThrownBy(() -> assertThat(model).isNoWorseThanBaseline(absent, Tolerance.absolute(0)))
                .isInstanceOf(CnnModelException.class)
                .hasMessage("Cannot read baseline " + absent + ": no baseline at " + absent);
    }

    @Test
    void regressionNeedsABaselineOfTheSameClasses() throws Exception {
        Path twoClasses = baseline("two.json", new long[][] {{9, 1}, {1, 9}}, 2.0);

        assertThatThrownBy(() -> assertThat(model).isNoWorseThanBaseline(twoClasses, Tolerance.absolute(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the baseline has 2 classes but the model has 3; compare models of one task");
    }

    @Test
    void anotherTestSet() throws Exception {
        BandsModel.writeIdx(dir, "perfect", BandsModel.images(new long[][] {{5, 0, 0}, {0, 5, 0}, {0, 0, 5}}));
        TestSet perfect = TestSet.idx(dir.resolve("perfect-images.idx3.gz"), dir.resolve("perfect-labels.idx1.gz"));

        assertThat(model).evaluatedOn(perfect).hasTestAccuracyAtLeast(1).everyClassHasAccuracyAbove(0.99);
        assertThatThrownBy(() -> assertThat(model).evaluatedOn(perfect).hasTestLossBelow(0.05))
                .hasMessage("Expecting mean cross-entropy loss of model bands on perfect-images.idx3.gz (15 images) to"
                        + " be below 0.05 but was 0.0949");
        assertThatThrownBy(() -> assertThat(model)
                        .evaluatedOn(TestSet.of("three wrong", BandsModel.images(new long[][] {
                            {0, 1, 0}, {0, 0, 1}, {1, 0, 0}
                        })))
                        .hasTestAccuracyAbove(0.5))
                .hasMessageStartingWith("Expecting accuracy of model bands on three wrong (0 of 3 correct)");
    }

    @Test
    void argumentsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> assertThat(model).hasTestAccuracyAbove(98))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a accuracy bar is a share in [0, 1], got 98.0");
        assertThatThrownBy(() -> assertThat(model).hasClassAccuracyAbove(3, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class 3 is not one of the 3 classes of model bands (0..2)");
    }

    @Test
    void nullModelFailsAsAssertJDoes() {
        assertThatThrownBy(() -> assertThat((CnnModel) null).hasTestAccuracyAbove(0.5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    private Path baseline(String name, long[][] confusion, double lossSum) throws Exception {
        TestMetrics test = TestMetrics.of(new Evaluation(confusion, lossSum));
        Path file = dir.resolve(name);
        new ModelMetrics("bands", "bands.yaml", 7, "cpu()", null, 111, List.of(), test, 0, 0).write(file);
        return file;
    }

    private Path png(String name, int type, int band) throws Exception {
        int[][] pixels = BandsModel.band(band, 255);
        BufferedImage image = new BufferedImage(6, 6, type);
        for (int row = 0; row < 6; row++) {
            for (int column = 0; column < 6; column++) {
                int v = pixels[row][column];
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    image.getRaster().setSample(column, row, 0, v);
                } else {
                    image.setRGB(column, row, (v << 16) | (v << 8) | v);
                }
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String share(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.4f ms", duration.toNanos() / 1e6);
    }
}

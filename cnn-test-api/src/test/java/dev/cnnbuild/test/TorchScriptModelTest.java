package dev.cnnbuild.test;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.test.fixtures.BandsModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bands.pt}, written by {@code make_bands.py} with PyTorch 1.13, is the bands model with weights halved and
 * bias 1.5, for pixels normalised to [-1, 1]: with that scaling it predicts exactly as the DJL model.
 */
class TorchScriptModelTest {
    static Path file;
    static CnnModel reference;
    static CnnModel scripted;

    @BeforeAll
    static void load() throws URISyntaxException {
        file = Path.of(
                TorchScriptModelTest.class.getResource("/torchscript/bands.pt").toURI());
        reference = BandsModel.load();
        scripted = CnnModel.torchScript(file)
                .setInput(1, 6, 6)
                .setClasses(3)
                .optPixelScaling(PixelScaling.normalized(0.5, 0.5))
                .optTestSet(reference.testSet().orElseThrow())
                .load();
    }

    @AfterAll
    static void close() {
        scripted.close();
        reference.close();
    }

    @Test
    void measuresAsTheSameNetworkTrainedHere() {
        TestSet testSet = reference.testSet().orElseThrow();

        assertThat(scripted.name()).isEqualTo("bands");
        assertThat(scripted.origin()).isEqualTo("TorchScript file " + file);
        assertThat(scripted.evaluate(testSet).confusion()).isDeepEqualTo(BandsModel.COUNTS);
        assertThat(scripted.evaluate(testSet).loss())
                .isCloseTo(reference.evaluate(testSet).loss(), within(1e-6));
        assertThat(scripted.parameterCount()).isEqualTo(111);
        assertThat(scripted)
                .isNoWorseThan(reference, Tolerance.absolute(1e-6))
                .classifiesWithConfidenceAbove(TestImage.of(BandsModel.band(2, 255)), 2, 0.909);
        assertThatThrownBy(() -> assertThat(scripted).hasTestAccuracyAbove(0.95))
                .hasMessage("Expecting accuracy of model bands on its test set (2,840 of 3,000 correct) to be above"
                        + " 0.95 but was 0.9467; weakest classes: 0 (0.9000), 1 (0.9500), 2 (0.9900);"
                        + " most frequent confusions: 0->1 (80), 1->2 (50), 0->2 (20)");
    }

    @Test
    void aModuleThatFlattensWithViewGetsItsInputContiguous() throws URISyntaxException {
        // bands_view.pt flattens a convolution's output with view(n, -1), which fails on any other layout
        Path viewing =
                Path.of(getClass().getResource("/torchscript/bands_view.pt").toURI());
        try (CnnModel model = CnnModel.torchScript(viewing)
                .setInput(1, 6, 6)
                .setClasses(3)
                .optPixelScaling(PixelScaling.normalized(0.5, 0.5))
                .optTestSet(reference.testSet().orElseThrow())
                .load()) {
            assertThat(model.evaluate(model.testSet().orElseThrow()).confusion())
                    .isDeepEqualTo(BandsModel.COUNTS);
        }
    }

    @Test
    void wrongPixelScalingShowsInConfidenceAndLoss() {
        try (CnnModel unscaled = CnnModel.torchScript(file)
                .setInput(1, 6, 6)
                .setClasses(3)
                .optName("bands-unscaled")
                .optTestSet(reference.testSet().orElseThrow())
                .load()) {
            // pixels in [0, 1] give logits 3, 1.5, 1.5 for a bright band 0: same class, lower confidence
            assertThatThrownBy(() -> assertThat(unscaled)
                            .classifiesWithConfidenceAbove(TestImage.of(BandsModel.band(0, 255)), 0, 0.9))
                    .hasMessage("Expecting model bands-unscaled to classify a 6x6 pixel array as 0 with confidence"
                            + " above 0.9 but the confidence was 0.6914 (probabilities 0: 0.6914, 1: 0.1543,"
                            + " 2: 0.1543)");
            assertThatThrownBy(() -> assertThat(unscaled).isNoWorseThan(reference, Tolerance.absolute(0.01)))
                    .hasMessageStartingWith("Expecting no metric of model bands-unscaled on its test set to be worse"
                            + " than baseline model bands by more than 0.01 (absolute) but 1 of 14 was:"
                            + "\nbands-unscaled: test loss is ")
                    .hasMessageNotContaining("accuracy");
            assertThat(reference).isNoWorseThan(unscaled, Tolerance.absolute(0));
        }
    }

    @Test
    void aModelWithoutTestSetNeedsOne() {
        try (CnnModel bare =
                CnnModel.torchScript(file).setInput(1, 6, 6).setClasses(3).load()) {
            assertThat(bare.testSet()).isEmpty();
            assertThatThrownBy(() -> assertThat(bare).hasTestAccuracyAbove(0.5))
                    .isInstanceOf(CnnModelException.class)
                    .hasMessage("Model bands (TorchScript file " + file + ") has no test set of its own; name one"
                            + " with evaluatedOn(TestSet.idx(images, labels)) or give one to the TorchScript builder"
                            + " with optTestSet");
            assertThat(bare).evaluatedOn(reference.testSet().orElseThrow()).hasTestAccuracyAbove(0.9);
        }
    }

    @Test
    void wrongClassCountIsRefusedOnLoading() {
        assertThatThrownBy(() -> CnnModel.torchScript(file)
                        .setInput(1, 6, 6)
                        .setClasses(10)
                        .load())
                .isInstanceOf(CnnModelException.class)
                .hasMessage("TorchScript file " + file + " returns shape [1, 3] for one 1x6x6 image, but 10 classes"
                        + " were given; it must return one logit per class, shape [1, 10]");
    }

    @Test
    void wrongInputSizeIsRefusedOnLoading() {
        assertThatThrownBy(() -> CnnModel.torchScript(file)
                        .setInput(1, 8, 8)
                        .setClasses(3)
                        .load())
                .isInstanceOf(CnnModelException.class)
                .hasMessage("TorchScript file " + file + " does not take 1x8x8 images: mat1 and mat2 shapes cannot be"
                        + " multiplied (1x64 and 36x3). Give the input size it was trained on; the engine's"
                        + " TorchScript trace is in this exception's cause")
                .rootCause()
                .hasMessageContaining("TorchScript");
    }

    @Test
    void missingFileAndMissingSettings() {
        Path missing = file.resolveSibling("missing.pt");
        assertThatThrownBy(() -> CnnModel.torchScript(missing)
                        .setInput(1, 6, 6)
                        .setClasses(3)
                        .load())
                .isInstanceOf(CnnModelException.class)
                .hasMessage("TorchScript file " + missing + " not found; save one with"
                        + " torch.jit.save(torch.jit.script(module), path)");
        assertThatThrownBy(() -> CnnModel.torchScript(file).setClasses(3).load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a TorchScript model needs setInput(channels, height, width) and setClasses(n): the file"
                        + " does not say them");
    }
}

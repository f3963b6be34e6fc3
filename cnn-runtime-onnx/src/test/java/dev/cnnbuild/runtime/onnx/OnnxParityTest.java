package dev.cnnbuild.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.cnnbuild.core.data.ImageFolderListing;
import dev.cnnbuild.core.data.LabeledFile;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.ClassifierConsistency;
import dev.cnnbuild.runtime.CnnClassifier;
import dev.cnnbuild.runtime.TrainedModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime on {@code model.onnx} classifies image files as the PyTorch runtime classifies them (which
 * {@code cnn-runtime}'s parity test holds to {@code cnn:check}): the same class for every image and every
 * probability within 1e-4, on PNG files written from the sample's MNIST test set and on colour and grey
 * image-folder models with resizing and normalisation.
 */
class OnnxParityTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @Test
    void mnistPngsWrittenFromTheSamplesTestSetAreClassifiedAsThePyTorchRuntimeClassifiesThem() throws Exception {
        ModelDirectory model = TrainedModels.mnist(dir.resolve("mnist"), 300);
        List<Path> pngs = TrainedModels.mnistTestPngs(300, dir.resolve("png"));
        assertSameAsPyTorch(model, pngs, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    @Test
    void aColourModelWithCroppingAndNormalisationClassifiesAsThePyTorchRuntime() throws Exception {
        ModelDirectory model = TrainedModels.colours(dir, "colours", 3, "crop", "auto");
        assertSameAsPyTorch(model, testFiles(), List.of("blue", "red"));
    }

    @Test
    void aGreyModelOfColourImagesStretchedAndNormalisedClassifiesAsThePyTorchRuntime() throws Exception {
        ModelDirectory model = TrainedModels.colours(dir, "greys", 1, "stretch", "{mean: [0.2], std: [0.3]}");
        assertSameAsPyTorch(model, testFiles(), List.of("blue", "red"));
    }

    @Test
    void filesImagesStreamsAndBytesOfOneImageAreClassifiedAlike() throws Exception {
        ModelDirectory model = TrainedModels.colours(dir, "colours", 3, "crop", "auto");
        Path file = testFiles().get(0);
        try (Classifier classifier = OnnxClassifier.load(model.root())) {
            ClassifierConsistency.assertEveryInputOfOneImageClassifiedAlike(classifier, file, 1e-6);
        }
    }

    private List<Path> testFiles() throws Exception {
        return ImageFolderListing.list(dir.resolve("test")).files().stream()
                .map(LabeledFile::file)
                .toList();
    }

    private static void assertSameAsPyTorch(ModelDirectory model, List<Path> files, List<String> labels) {
        List<Classification> expected;
        try (CnnClassifier torch = CnnClassifier.load(model.root())) {
            expected = torch.classifyAll(files);
        }
        try (OnnxClassifier onnx = OnnxClassifier.load(model.root())) {
            assertThat(onnx.labels()).isEqualTo(labels);
            List<Classification> classified = onnx.classifyAll(files);
            assertThat(classified).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(classified.get(i).index())
                        .as("class of image %d", i)
                        .isEqualTo(expected.get(i).index());
                for (int k = 0; k < labels.size(); k++) {
                    assertThat(classified.get(i).probabilities().get(k))
                            .as("class %d of image %d", k, i)
                            .satisfies(p -> assertThat(p.label()).isEqualTo(labels.get(p.index())));
                    assertThat(classified.get(i).probabilities().get(k).probability())
                            .as("probability of class %d for image %d", k, i)
                            .isCloseTo(expected.get(i).probabilities().get(k).probability(), offset(TOLERANCE));
                }
            }
            assertThat(classified.stream().map(Classification::index).distinct().count())
                    .as("a trained network, not a constant: more than one class is predicted")
                    .isGreaterThan(1);
            for (int i = 0; i < Math.min(10, files.size()); i++) {
                assertThat(onnx.classify(files.get(i)).index())
                        .isEqualTo(expected.get(i).index());
            }
        }
    }
}

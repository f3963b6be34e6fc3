package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.cnnbuild.core.data.DecodedCache;
import dev.cnnbuild.core.data.ImageFolderListing;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledFile;
import dev.cnnbuild.core.data.ModelData;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime classifies image files as {@code cnn:check} classifies its test set: the check's own code (the model
 * loaded as {@code CheckService} loads it, its test set read as the check reads it) predicts, the runtime classifies
 * PNG files, and the classes are equal and the probabilities within 1e-5.
 */
class ParityTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void mnistPngsWrittenFromTheSamplesTestSetAreClassifiedAsTheCheckClassifiesTheIdxImages() throws Exception {
        ModelDirectory model = TrainedModels.mnist(dir.resolve("mnist"), 300);
        List<Path> pngs = TrainedModels.mnistTestPngs(300, dir.resolve("png"));
        List<Prediction> expected = checkPredictions(model);

        try (CnnClassifier classifier = CnnClassifier.load(model.root())) {
            List<Classification> batched = classifier.classifyAll(pngs);
            assertThat(classifier.labels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertSame(batched, expected);
            assertThat(batched.stream().map(Classification::index).distinct().count())
                    .as("a trained network, not a constant: several digits are predicted")
                    .isGreaterThan(5);
            for (int i = 0; i < 20; i++) {
                Classification one = classifier.classify(pngs.get(i));
                assertThat(one.index()).isEqualTo(expected.get(i).label());
                assertThat(one.probability()).isCloseTo(expected.get(i).confidence(), offset(TOLERANCE));
            }
        }
    }

    @Test
    void aColourModelWithCroppingAndNormalisationClassifiesAsTheCheck() throws Exception {
        assertFolderModelParity("colours", 3, "crop", "auto");
    }

    @Test
    void aGreyModelOfColourImagesStretchedAndNormalisedClassifiesAsTheCheck() throws Exception {
        assertFolderModelParity("greys", 1, "stretch", "{mean: [0.2], std: [0.3]}");
    }

    @Test
    void filesImagesStreamsAndBytesOfOneImageAreClassifiedAlike() throws Exception {
        ModelDirectory model = TrainedModels.colours(dir, "colours", 3, "crop", "auto");
        Path file = ImageFolderListing.list(dir.resolve("test")).files().get(0).file();
        try (CnnClassifier classifier = CnnClassifier.load(model.root())) {
            Classification fromFile =
                    ClassifierConsistency.assertEveryInputOfOneImageClassifiedAlike(classifier, file, TOLERANCE);
            assertThat(fromFile.top(2)).extracting(ClassProbability::label).containsExactlyInAnyOrder("blue", "red");
            assertThat(fromFile.top(2).get(0)).isEqualTo(fromFile.best());
            assertThat(fromFile.probabilities().stream()
                            .mapToDouble(ClassProbability::probability)
                            .sum())
                    .isCloseTo(1.0, offset(1e-5));
        }
    }

    private void assertFolderModelParity(String name, int channels, String resize, String normalize) throws Exception {
        ModelDirectory model = TrainedModels.colours(dir, name, channels, resize, normalize);
        List<LabeledFile> files = ImageFolderListing.list(dir.resolve("test")).files();
        List<Prediction> expected = checkPredictions(model);
        assertThat(expected).hasSize(files.size());

        try (CnnClassifier classifier = CnnClassifier.load(model.root())) {
            List<Classification> classified =
                    classifier.classifyAll(files.stream().map(LabeledFile::file).toList());
            assertSame(classified, expected);
            assertThat(classifier.labels()).containsExactly("blue", "red");
            long correct = 0;
            for (int i = 0; i < files.size(); i++) {
                correct += classified.get(i).label().equals(files.get(i).key().split("/")[0]) ? 1 : 0;
            }
            assertThat(correct).as("the classes are named as their folders").isGreaterThan(files.size() / 2);
        }
    }

    /** Predicts the model's test set as {@code cnn:check} does: loaded on its device, test set read as it reads it. */
    private static List<Prediction> checkPredictions(ModelDirectory model) throws Exception {
        try (LoadedModel loaded = LoadedModel.load(model, Path.of(""), "auto");
                ImageStore testSet = ModelData.testStore(
                        loaded.spec(),
                        model.root(),
                        DecodedCache.folderBeside(model.root().getParent()),
                        line -> {})) {
            return loaded.classifier().evaluateAndPredict(testSet, 1000).predictions();
        }
    }

    private static void assertSame(List<Classification> classified, List<Prediction> expected) {
        assertThat(classified).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Classification c = classified.get(i);
            Prediction p = expected.get(i);
            assertThat(c.index()).as("class of image %d", i).isEqualTo(p.label());
            for (int k = 0; k < p.probabilities().length; k++) {
                assertThat(c.probabilities().get(k).probability())
                        .as("probability of class %d for image %d", k, i)
                        .isCloseTo(p.probabilities()[k], offset(TOLERANCE));
            }
        }
    }
}

package dev.cnnbuild.test;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.files.Folders;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyDataset;
import dev.cnnbuild.core.testing.TinyImages;
import dev.cnnbuild.test.error.ShouldConfuseAtMost;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on a folder of colour images with a held-out test set and automatic normalisation: assertions name
 * its classes and measure it on exactly the held-out files, normalised as in training.
 */
class ImageFolderModelTest {
    @TempDir
    static Path dir;

    static CnnModel model;

    @BeforeAll
    static void train() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 40, 8, 8, 5);
        Path yaml = TinyImages.writeFolderModel(
                dir, "colours", "  dir: images\n  testSplit: 0.25\n" + "  normalize: auto\n", 3);
        TinyDataset.train(yaml, dir.resolve("cnn"));
        model = CnnModel.load(dir.resolve("cnn"), "colours");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void evaluatesOnTheHeldOutImagesAsTheTrainerDid() throws Exception {
        Evaluation measured = model.evaluate(model.testSet().orElseThrow());
        ModelMetrics stored = ModelMetrics.read(dir.resolve("cnn/colours/metrics.json"));

        assertThat(measured.count()).isEqualTo(20);
        assertThat(measured.accuracy()).isEqualTo(stored.test().accuracy());
        assertThat(measured.loss())
                .as("normalised as in training")
                .isCloseTo(stored.test().loss(), offset(1e-6));
        assertThat(dir.resolve("cnn/colours/normalization.json")).exists();
        assertThat(stored.classNames()).containsExactly("blue", "red");
        assertThat(model.classNames().names()).containsExactly("blue", "red");
    }

    @Test
    void aModelFromTheClassPathKeepsItsDecodedCacheInTheModulesTarget() throws Exception {
        Path classes = dir.resolve("classes");
        Path packaged = classes.resolve("cnn/colours");
        Files.createDirectories(packaged);
        try (Stream<String> names =
                Stream.concat(ModelDirectory.FILES.stream(), ModelDirectory.OPTIONAL_FILES.stream())) {
            for (String name : names.toList()) {
                Path file = dir.resolve("cnn/colours").resolve(name);
                if (Files.exists(file)) {
                    Files.copy(file, packaged.resolve(name));
                }
            }
        }
        Path cache = CnnModel.outputDirectory().resolveSibling("cnn-cache").resolve("colours");
        Folders.deleteRecursively(cache);

        try (URLClassLoader loader =
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
                CnnModel packagedModel = CnnModel.fromClasspath("cnn/colours", loader)) {
            Evaluation measured = packagedModel.evaluate(packagedModel.testSet().orElseThrow());

            assertThat(measured.count())
                    .as("the held-out images travel with the model")
                    .isEqualTo(20);
            assertThat(measured.accuracy())
                    .isEqualTo(model.evaluate(model.testSet().orElseThrow()).accuracy());
        }
        assertThat(cache.resolve("test.images"))
                .as("the module's target/cnn-cache, beside the output folder the test API reads")
                .isRegularFile();
        assertThat(Path.of("/cnn-cache/colours"))
                .as("never beside the temporary copy's parent")
                .doesNotExist();
    }

    @Test
    void aColourPngIsClassifiedByClassName() throws Exception {
        Path red = TinyImages.write(
                TinyImages.classImage(1, 8, 8, new java.util.Random(11)), "png", dir.resolve("red-one.png"));
        assertThat(model).classifiesAs(TestImage.png(red), "red");

        assertThatThrownBy(() -> assertThat(model).classifiesAs(TestImage.png(red), "blue"))
                .hasMessageStartingWith("Expecting model colours to classify image red-one.png as blue but it"
                        + " predicted red with confidence ")
                .hasMessageContaining("(probabilities red: ");
    }

    @Test
    void assertionsNameTheClasses() {
        Evaluation evaluation = model.evaluate(model.testSet().orElseThrow());
        assertThat(model)
                .hasClassAccuracyAbove("red", 0.8)
                .hasClassAccuracyAbove("0", 0.8)
                .confusesAtMost("blue", "red", 0.2);

        assertThatThrownBy(() -> assertThat(model).hasClassAccuracyAbove("red", 1))
                .hasMessageStartingWith(String.format(
                        Locale.ROOT,
                        "Expecting accuracy (recall) of model colours on"
                                + " class red of its test set (%d of 10 correct) to be above 1 but was %.4f;",
                        evaluation.confusion()[1][1],
                        evaluation.recall(1)));
        assertThat(ShouldConfuseAtMost.shouldConfuseAtMost(
                                "pets",
                                "its test set",
                                new Evaluation(new long[][] {{17, 3}, {0, 20}}, 0),
                                ClassNames.of(List.of("cat", "dog")),
                                0,
                                1,
                                0.05)
                        .create())
                .isEqualTo("Expecting at most 0.05 of the class cat images of model pets on its test set to be"
                        + " predicted as dog but 0.1500 were (3 of 20)");
        assertThatThrownBy(() -> assertThat(model).hasTestAccuracyAbove(1))
                .hasMessageMatching("(?s).*; weakest classes: (blue|red) \\(.*, (blue|red) \\(.*");
        assertThatThrownBy(() -> assertThat(model).hasMacroF1Above(1))
                .hasMessageMatching("(?s).*; lowest classes: (blue|red) \\(.*, (blue|red) \\(.*");
        assertThatThrownBy(() -> assertThat(model).everyClassHasAccuracyAbove(1))
                .hasMessageMatching("(?s).* classes did not: (blue|red) \\(.*");
        assertThatThrownBy(() -> assertThat(model).hasPrecisionAbove(1, 1))
                .hasMessageStartingWith("Expecting precision of class red of model colours");
        assertThatThrownBy(() -> assertThat(model).hasClassAccuracyAbove("green", 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model colours has no class 'green'; its classes are blue, red");
    }
}

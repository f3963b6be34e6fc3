package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelIntegrityException;
import dev.cnnbuild.core.testing.TinyImages;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the PyTorch classifier refuses, and how it says so: incomplete models, models on the class path, bad images;
 * with the cases every classifier shares ({@link ClassifierErrorCases}).
 */
class CnnClassifierErrorsTest extends ClassifierErrorCases {

    @Override
    protected Classifier load(Path directory) {
        return CnnClassifier.load(directory);
    }

    @Override
    protected String runFile() {
        return ModelDirectory.PARAMETERS;
    }

    @Test
    void aDirectoryWithoutItsManifestIsRefused() throws Exception {
        Path copy = copyOf(tiny.root(), dir.resolve("unsigned"));
        Files.delete(copy.resolve(ModelDirectory.MANIFEST));
        assertThatThrownBy(() -> CnnClassifier.load(copy))
                .isInstanceOf(CnnClassifierException.class)
                .hasMessageContaining("is not a complete trained model directory")
                .hasMessageContaining("mvn cnn:train");
    }

    @Test
    void aModelOnTheClassPathLoadsAndATamperedOneIsRefusedByItsResourceName() throws Exception {
        Path classes = dir.resolve("classes");
        copyOf(tiny.root(), classes.resolve("cnn/tiny"));
        try (URLClassLoader loader = loader(classes);
                CnnClassifier classifier = CnnClassifier.fromClasspath("cnn/tiny", loader)) {
            assertThat(classifier.labels()).containsExactly("0", "1");
            assertThat(classifier
                            .classify(TinyImages.solid(dir.resolve("grey.png"), 8, 8, 0x808080, "png"))
                            .probabilities())
                    .hasSize(2);
        }

        Path spec = classes.resolve("cnn/tiny").resolve(ModelDirectory.SPEC);
        Files.writeString(spec, Files.readString(spec).replace("epochs: 3", "epochs: 4"));
        try (URLClassLoader loader = loader(classes)) {
            assertThatThrownBy(() -> CnnClassifier.fromClasspath("/cnn/tiny/", loader))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessageStartingWith("classpath:cnn/tiny/model.yaml does not match its SHA-256 in"
                            + " manifest.sha256: it was changed or damaged after training; retrain it")
                    .hasCauseInstanceOf(ModelIntegrityException.class);
        }
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("cnn-model-"))
                            .filter(p -> Files.exists(p.resolve(ModelDirectory.SPEC))
                                    && readQuietly(p.resolve(ModelDirectory.SPEC))
                                            .contains("epochs: 4")))
                    .as("the temporary copy of a refused model is deleted")
                    .isEmpty();
        }
    }

    @Test
    void aMissingResourceSaysWhereItLookedAndHowToPackageAModel() throws Exception {
        try (URLClassLoader loader = loader(dir)) {
            assertThatThrownBy(() -> CnnClassifier.fromClasspath("cnn/mnist-cnn", loader))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessageStartingWith("no model on the class path at cnn/mnist-cnn/ (no"
                            + " cnn/mnist-cnn/manifest.sha256 nor any other model file)")
                    .hasMessageContaining("addToClasspath");
        }
    }

    @Test
    void imagesThatAreMissingDamagedOrOfTheWrongSizeAreRefusedByName() throws Exception {
        Path png = TinyImages.solid(dir.resolve("ok.png"), 8, 8, 0x404040, "png");
        byte[] bytes = Files.readAllBytes(png);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        Path large = TinyImages.solid(dir.resolve("large.png"), 10, 12, 0x404040, "png");

        try (CnnClassifier classifier = CnnClassifier.load(tiny.root())) {
            assertThatThrownBy(() -> classifier.classify(dir.resolve("missing.png")))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessage(dir.resolve("missing.png") + ": no such image file");
            assertThatThrownBy(() -> classifier.classify(truncated))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessageStartingWith(truncated + ": cannot be decoded as an image (")
                    .hasMessageEndingWith(
                            "); the file is damaged or not what its extension says: replace it or remove it");
            assertThatThrownBy(() -> classifier.classify(text))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessage(text + ": is not a PNG, JPEG, BMP, GIF or WebP image");
            assertThatThrownBy(() -> classifier.classify("not an image".getBytes()))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessage("the image of 12 bytes: is not a PNG, JPEG, BMP, GIF or WebP image");
            assertThatThrownBy(() -> classifier.classifyAll(List.of(png, large)))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessage(large + ": image is 10x12 (height x width) but model " + tiny.root()
                            + " takes 8x8 images and was trained with 'resize: none'; give it 8x8 images, or retrain"
                            + " it with 'resize: stretch' or 'resize: crop' in its model file's 'data' section");
            assertThat(classifier.classify(png).probabilities()).hasSize(2);
        }
    }

    @Test
    void aPhonePhotoOfTheWrongSizeIsRefusedByItsUprightSize() throws Exception {
        TrainedModels.PhonePhoto photo = TrainedModels.writePhonePhoto(dir.resolve("phone.jpg"));
        try (CnnClassifier classifier = CnnClassifier.load(tiny.root())) {
            // stored 10 high and 12 wide, turned by its EXIF orientation: 12 high and 10 wide, as training measures it
            assertThatThrownBy(() -> classifier.classify(photo.file()))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessageStartingWith(photo.file() + ": image is 12x10 (height x width) but model " + tiny.root()
                            + " takes 8x8 images");
        }
    }

    @Test
    void aSmallFileThatClaimsAHugeImageIsRefusedBeforeItIsDecoded() throws Exception {
        ModelDirectory cropping = TrainedModels.colours(dir.resolve("colours"), "colours", 3, "crop", "auto");
        byte[] png = Files.readAllBytes(TinyImages.solid(dir.resolve("one.png"), 1, 1, 0x404040, "png"));
        // the IHDR chunk's width and height, bytes 16 to 23: 20,000 x 20,000 pixels, 1.6 GB once decoded
        byte[] claim = {0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20};
        System.arraycopy(claim, 0, png, 16, claim.length);
        Path bomb = Files.write(dir.resolve("bomb.png"), png);
        try (CnnClassifier classifier = CnnClassifier.load(cropping.root())) {
            assertThatThrownBy(() -> classifier.classify(bomb))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessage(bomb + ": image is 20000x20000 (height x width), over the 100,000,000 pixels an image"
                            + " may have; scale it down before classifying it");
        }
    }

    private static URLClassLoader loader(Path classes) throws Exception {
        File folder = classes.toFile();
        return new URLClassLoader(new URL[] {folder.toURI().toURL()}, null);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }
}

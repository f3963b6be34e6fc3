package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.ImageLayout;
import dev.cnnbuild.core.spec.ImageSource;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's image files: the seeded stratified test split, its list in the model directory, and class checks. */
class ImageSourcesTest {
    @TempDir
    Path dir;

    @Test
    void theSplitHoldsOutTheSameShareOfEveryClassTheSameWayForTheSameSeed() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 10, 2, 2, 1);
        ImageSource source = new ImageSource(ImageLayout.FOLDER, images, Optional.empty(), 0.2);

        ImageSources first = ImageSources.forTraining(source, 2, 42, Progress.NONE);
        ImageSources again = ImageSources.forTraining(source, 2, 42, Progress.NONE);
        ImageSources otherSeed = ImageSources.forTraining(source, 2, 43, Progress.NONE);

        assertThat(first.test().files())
                .hasSize(4)
                .filteredOn(f -> f.label() == 0)
                .hasSize(2);
        assertThat(first.train().files())
                .hasSize(16)
                .doesNotContainAnyElementsOf(first.test().files());
        assertThat(again.test().files()).isEqualTo(first.test().files());
        assertThat(otherSeed.test().files()).isNotEqualTo(first.test().files());
        assertThat(first.files())
                .hasSize(20)
                .doesNotHaveDuplicates()
                .contains(images.resolve("blue/000.png"), images.resolve("red/009.png"));
        assertThat(first.summary())
                .isEqualTo("16 training and 4 test images of 2 classes (blue, red) from " + images
                        + " (20 % of each class held out for testing)");
    }

    @Test
    void theTestingSideReadsExactlyTheHeldOutFilesFromTheModelDirectory() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 10, 2, 2, 1);
        ImageSource source = new ImageSource(ImageLayout.FOLDER, images, Optional.empty(), 0.2);
        ImageSources trained = ImageSources.forTraining(source, 2, 42, Progress.NONE);
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve(ImageSources.HELD_OUT_FILE), trained.heldOutList());
        TinyImages.solid(images.resolve("red/new.png"), 2, 2, 0, "png");

        ImageSources tested = ImageSources.forTesting(source, 2, model);

        assertThat(tested.test().files()).isEqualTo(trained.test().files());
    }

    @Test
    void aHeldOutFileThatIsGoneIsNamed() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 10, 2, 2, 1);
        ImageSource source = new ImageSource(ImageLayout.FOLDER, images, Optional.empty(), 0.2);
        ImageSources trained = ImageSources.forTraining(source, 2, 42, Progress.NONE);
        Path model = Files.createDirectories(dir.resolve("model"));
        Path list = Files.writeString(model.resolve(ImageSources.HELD_OUT_FILE), trained.heldOutList());
        LabeledFile gone = trained.test().files().get(0);
        Files.delete(gone.file());

        assertThatThrownBy(() -> ImageSources.forTesting(source, 2, model))
                .isInstanceOf(DatasetException.class)
                .hasMessage(list + ": the held-out test image " + gone.key() + " is no longer in " + images
                        + "; restore it, or retrain the model with 'mvn cnn:train' to hold out a new test set");
    }

    @Test
    void aSplitThatLeavesAClassWithoutTestImagesIsAnError() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 2, 2, 2, 1);
        ImageSource source = new ImageSource(ImageLayout.FOLDER, images, Optional.empty(), 0.2);

        assertThatThrownBy(() -> ImageSources.forTraining(source, 2, 42, Progress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images + ": testSplit 0.2 leaves class 'blue' (2 images) without test images; add images"
                        + " to it or raise testSplit to at least 0.25");
    }

    @Test
    void aTestClassTheTrainingSetLacksIsAnError() throws Exception {
        Path train = TinyImages.writeClasses(dir.resolve("train"), 2, 2, 2, 1);
        Path test = dir.resolve("test");
        TinyImages.solid(test.resolve("blue/1.png"), 2, 2, 0, "png");
        TinyImages.solid(test.resolve("green/1.png"), 2, 2, 0, "png");
        ImageSource source = new ImageSource(ImageLayout.FOLDER, train, Optional.of(test), 0);

        assertThatThrownBy(() -> ImageSources.forTraining(source, 2, 42, Progress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(test + ": class 'green' of the test set is not among the training set's classes (blue,"
                        + " red) in " + train + "; add its training images or remove it from the test set");
    }

    @Test
    void theClassCountMustMatchTheModelFile() throws Exception {
        Path train = TinyImages.writeClasses(dir.resolve("train"), 2, 2, 2, 1);
        ImageSource source = new ImageSource(ImageLayout.FOLDER, train, Optional.of(train), 0);

        assertThatThrownBy(() -> ImageSources.forTraining(source, 3, 42, Progress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(train + ": 2 classes (blue, red) but the model file says classes: 3; set 'classes: 2'"
                        + " (and the last layer's units) or change the data");
    }

    @Test
    void aSplitOfAClassOfOneImageSaysOneImage() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 1, 2, 2, 1);

        assertThatThrownBy(() -> ImageSources.forTraining(
                        new ImageSource(ImageLayout.FOLDER, images, Optional.empty(), 0.2), 2, 42, Progress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images + ": testSplit 0.2 leaves class 'blue' (1 image) without test images; add images"
                        + " to it or raise testSplit to at least 0.50");
        assertThatThrownBy(() -> ImageSources.forTraining(
                        new ImageSource(ImageLayout.FOLDER, images, Optional.empty(), 0.6), 2, 42, Progress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images + ": testSplit 0.6 holds out the only image of class 'blue', leaving none to train"
                        + " on; add images to it or lower testSplit");
    }
}

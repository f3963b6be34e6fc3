package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.spec.DatasetFiles;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    private Path images;

    @BeforeEach
    void writeImages() throws Exception {
        images = Files.write(dir.resolve("images"), TinyDataset.imageFile(2, 2, 3, new byte[12]));
    }

    @Test
    void loadsMatchingFiles() throws Exception {
        Path labels = Files.write(dir.resolve("labels"), TinyDataset.labelFile(new byte[] {1, 0}));

        LabeledImages data = DatasetLoader.load(new DatasetFiles(images, labels), new InputShape(1, 2, 3), 2);

        assertThat(data.size()).isEqualTo(2);
        assertThat(data.labels()).containsExactly(1, 0);
    }

    @Test
    void imagesOfAnotherSizeAreReported() throws Exception {
        Path labels = Files.write(dir.resolve("labels"), TinyDataset.labelFile(new byte[] {1, 0}));

        assertThatThrownBy(() -> DatasetLoader.load(new DatasetFiles(images, labels), new InputShape(1, 28, 28), 2))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images + ": images are 1x2x3 (channels x height x width) but the model input is 1x28x28;"
                        + " set 'input' to {channels: 1, height: 2, width: 3} or use matching images");
    }

    @Test
    void labelOutsideTheClassesIsReported() throws Exception {
        Path labels = Files.write(dir.resolve("labels"), TinyDataset.labelFile(new byte[] {1, 7}));

        assertThatThrownBy(() -> DatasetLoader.load(new DatasetFiles(images, labels), new InputShape(1, 2, 3), 5))
                .hasMessage(labels + ": label 7 of image 1 is outside the model's 5 classes (0..4); raise 'classes'"
                        + " or fix the labels");
    }

    @Test
    void countMismatchIsReported() throws Exception {
        Path labels = Files.write(dir.resolve("labels"), TinyDataset.labelFile(new byte[] {1, 0, 1}));

        assertThatThrownBy(() -> DatasetLoader.load(new DatasetFiles(images, labels), new InputShape(1, 2, 3), 2))
                .hasMessage(labels + ": 3 labels for 2 images in " + images + "; the two files must belong together");
    }
}

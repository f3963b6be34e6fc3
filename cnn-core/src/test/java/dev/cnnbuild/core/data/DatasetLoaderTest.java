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

    @Test
    void aRawImageFileIsReadByPositionAndAGzippedOneByPositionInItsDecompressedCopyWithTheSameImages()
            throws Exception {
        byte[] pixels = new byte[7 * 4 * 5];
        new java.util.Random(3).nextBytes(pixels);
        Path raw = Files.write(dir.resolve("raw-images"), TinyDataset.imageFile(7, 4, 5, pixels));
        Path gzipped = dir.resolve("gz-images");
        TinyDataset.writeGzip(gzipped, TinyDataset.imageFile(7, 4, 5, pixels));
        Path labels = Files.write(dir.resolve("labels"), TinyDataset.labelFile(new byte[] {1, 0, 2, 2, 0, 1, 1}));
        InputShape input = new InputShape(1, 4, 5);
        int[] order = {6, 0, 3, 3, 5};
        LabeledImages loaded = DatasetLoader.load(new DatasetFiles(raw, labels), input, 3);

        try (ImageStore byPosition = store(new DatasetFiles(raw, labels), input, 3);
                ImageStore decompressed = store(new DatasetFiles(gzipped, labels), input, 3)) {
            assertThat(byPosition).isInstanceOf(FileImageStore.class);
            assertThat(decompressed).isInstanceOf(FileImageStore.class);
            assertThat(((FileImageStore) decompressed).file()).isEqualTo(dir.resolve("cache/test.idx"));
            for (ImageStore store : new ImageStore[] {byPosition, decompressed}) {
                assertThat(store.count()).isEqualTo(7);
                assertThat(store.labels()).containsExactly(loaded.labels());
                assertThat(store.gather(order).pixels())
                        .isEqualTo(new HeapImageStore(loaded).gather(order).pixels());
            }
        }
    }

    private ImageStore store(DatasetFiles files, InputShape input, int classes) throws DatasetException {
        return DatasetLoader.store(
                files, input, classes, DecompressedIdx.cached(dir.resolve("cache/test.idx"), line -> {}), "test");
    }

    @Test
    void aRawImageFileIsCheckedAsWhenLoaded() throws Exception {
        Path labels = Files.write(dir.resolve("labels"), TinyDataset.labelFile(new byte[] {1, 0}));
        Path shortFile = Files.write(dir.resolve("short"), java.util.Arrays.copyOf(Files.readAllBytes(images), 20));

        assertThatThrownBy(() -> store(new DatasetFiles(images, labels), new InputShape(1, 28, 28), 2))
                .hasMessage(images + ": images are 1x2x3 (channels x height x width) but the model input is 1x28x28;"
                        + " set 'input' to {channels: 1, height: 2, width: 3} or use matching images");
        assertThatThrownBy(() -> store(new DatasetFiles(images, labels), new InputShape(1, 2, 3), 1))
                .hasMessage(labels + ": label 1 of image 0 is outside the model's 1 class (0..0); raise 'classes'"
                        + " or fix the labels");
        assertThatThrownBy(() -> store(new DatasetFiles(shortFile, labels), new InputShape(1, 2, 3), 2))
                .hasMessageStartingWith(shortFile + ": truncated: the header announces 2 images of 2x3 (12 bytes) but"
                        + " only 4 bytes follow");
    }

    @Test
    void aModelTrainedOnRawIdxFilesHasTheParametersOfOneTrainedOnTheSameFilesGzippedWithTheCacheOnOrOff()
            throws Exception {
        Path gzipped = TinyDataset.writeModel(Files.createDirectory(dir.resolve("gz")), "tiny", "");
        Path raw = TinyDataset.writeModel(Files.createDirectory(dir.resolve("raw")), "tiny", "");
        Path uncached = TinyDataset.writeModel(Files.createDirectory(dir.resolve("uncached")), "tiny", "");
        Files.writeString(uncached, Files.readString(uncached).replace("training:\n", "  cache: false\ntraining:\n"));
        for (String name : new String[] {"train-images", "train-labels", "test-images", "test-labels"}) {
            String file = name + (name.endsWith("images") ? ".idx3.gz" : ".idx1.gz");
            try (java.io.InputStream in =
                    new java.util.zip.GZIPInputStream(Files.newInputStream(raw.resolveSibling(file)))) {
                Files.write(raw.resolveSibling(file), in.readAllBytes());
            }
        }

        byte[] fromGzipped = Files.readAllBytes(
                TinyDataset.train(gzipped, dir.resolve("gz/out")).parameters());
        byte[] fromRaw = Files.readAllBytes(
                TinyDataset.train(raw, dir.resolve("raw/out")).parameters());

        byte[] fromUncached = Files.readAllBytes(
                TinyDataset.train(uncached, dir.resolve("uncached/out")).parameters());

        assertThat(fromRaw).isEqualTo(fromGzipped);
        assertThat(fromUncached).isEqualTo(fromGzipped);
        assertThat(dir.resolve("gz/cnn-cache/tiny/train.idx")).isRegularFile();
        assertThat(dir.resolve("raw/cnn-cache/tiny")).doesNotExist();
        try (java.util.stream.Stream<Path> left = Files.list(dir.resolve("uncached/cnn-cache/tiny"))) {
            assertThat(left).as("the temporary decompressed copies are deleted").isEmpty();
        }
    }
}

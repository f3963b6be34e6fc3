package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.DatasetFiles;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.text.Counted;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Loads an image file and its label file and checks them against the model: the same count, images of the model's
 * input size, labels inside its classes.
 *
 * <pre>{@code
 * LabeledImages train = DatasetLoader.load(spec.data().train(), spec.input(), spec.classes());
 * }</pre>
 */
public final class DatasetLoader {

    private DatasetLoader() {}

    /**
     * Loads and checks one dataset.
     *
     * @param files the image and label files
     * @param input the model's input shape; IDX images have one channel
     * @param classes the model's number of classes
     * @return the checked dataset
     * @throws DatasetException naming the file and the shapes involved when anything does not fit, or the file holds
     *     no image
     */
    public static LabeledImages load(DatasetFiles files, InputShape input, int classes) throws DatasetException {
        ImageSet images = IdxReader.readImages(files.images());
        int[] labels = check(files, input, classes, images.count(), images.height(), images.width());
        return new LabeledImages(images, labels);
    }

    /**
     * Opens one IDX dataset, checked as {@link #load} checks it, to read by index: an uncompressed image file is
     * read image by image at its position ({@link FileImageStore}), never whole; a gzipped one, which cannot be read
     * by position, is first decompressed into a file ({@link DecompressedIdx}: a cached copy, or a temporary one)
     * and read the same way. The labels are held, one number per image.
     *
     * <pre>{@code
     * try (ImageStore test = DatasetLoader.store(spec.data().test(), spec.input(), spec.classes(),
     *         DecompressedIdx.cached(Path.of("target/cnn-cache/mnist/test.idx"), log::info), "test")) {
     *     test.count();
     * }
     * }</pre>
     *
     * @param files the image and label files
     * @param input the model's input shape; IDX images have one channel
     * @param classes the model's number of classes
     * @param decompressed where a gzipped image file is decompressed
     * @param set {@code training} or {@code test}, as the log lines say
     * @return the images, to be closed
     * @throws DatasetException as {@link #load} does, or if the image file cannot be opened or decompressed
     */
    public static ImageStore store(
            DatasetFiles files, InputShape input, int classes, DecompressedIdx decompressed, String set)
            throws DatasetException {
        if (!IdxReader.gzipped(files.images())) {
            return open(files, files.images(), input, classes);
        }
        DecompressedIdx.Copy copy = decompressed.decompress(files.images(), set);
        try {
            return open(files, copy.file(), input, classes);
        } finally {
            copy.release();
        }
    }

    private static ImageStore open(DatasetFiles files, Path images, InputShape input, int classes)
            throws DatasetException {
        int[] header = IdxReader.readRawImagesHeader(images);
        int[] labels = check(files, input, classes, header[0], header[1], header[2]);
        try {
            return FileImageStore.open(
                    images,
                    IdxReader.imagesHeaderBytes(),
                    1,
                    header[1],
                    header[2],
                    IntStream.range(0, header[0]).toArray(),
                    labels,
                    List.of());
        } catch (IOException e) {
            throw new DatasetException(images + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Checks the images' count and shape against the model and reads and checks their labels. */
    private static int[] check(DatasetFiles files, InputShape input, int classes, int count, int height, int width)
            throws DatasetException {
        if (count == 0) {
            throw new DatasetException(files.images() + ": holds no images (its header gives a count of 0); a data"
                    + " set needs at least one image, point 'images' and 'labels' at a data set that has some");
        }
        if (input.channels() != 1 || height != input.height() || width != input.width()) {
            throw new DatasetException(String.format(
                    "%s: images are 1x%dx%d (channels x height x width) but the model input is %dx%dx%d;"
                            + " set 'input' to {channels: 1, height: %d, width: %d} or use matching images",
                    files.images(), height, width, input.channels(), input.height(), input.width(), height, width));
        }
        int[] labels = IdxReader.readLabels(files.labels());
        if (labels.length != count) {
            throw new DatasetException(files.labels() + ": " + labels.length + " labels for " + count + " images in "
                    + files.images() + "; the two files must belong together");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new DatasetException(files.labels() + ": label " + labels[i] + " of image " + i
                        + " is outside the model's " + Counted.of(classes, "class", "classes") + " (0.." + (classes - 1)
                        + "); raise 'classes' or fix the labels");
            }
        }
        return labels;
    }
}

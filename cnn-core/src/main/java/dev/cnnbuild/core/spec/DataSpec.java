package dev.cnnbuild.core.spec;

import java.util.List;
import java.util.Optional;

/**
 * Where the training and test data are, in which format, and how images become the network's input.
 *
 * <pre>{@code
 * data:
 *   format: idx      # the default
 *   train: {images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}
 *   test:  {images: t10k-images-idx3-ubyte.gz,  labels: t10k-labels-idx1-ubyte.gz}
 * # or image files, one folder per class:
 * data:
 *   format: folder
 *   train: {dir: images/train}
 *   test: {dir: images/test}
 *   resize: crop
 * }</pre>
 *
 * @param format {@code idx}, {@code folder} or {@code csv}
 * @param train the IDX training files; {@code null} for image files
 * @param test the IDX test files; {@code null} for image files
 * @param images where the image files are, for {@code folder} and {@code csv}; empty for IDX
 * @param options how image files become input; the defaults for IDX
 * @param classNames the class names an IDX model file lists; empty when it lists none (image files name their
 *     classes themselves)
 */
public record DataSpec(
        String format,
        DatasetFiles train,
        DatasetFiles test,
        Optional<ImageSource> images,
        ImageOptions options,
        List<String> classNames) {

    /** Copies the class names. */
    public DataSpec {
        classNames = List.copyOf(classNames);
    }

    /**
     * IDX files without class names.
     *
     * @param format {@code idx}
     * @param train the training files
     * @param test the test files
     */
    public DataSpec(String format, DatasetFiles train, DatasetFiles test) {
        this(format, train, test, Optional.empty(), ImageOptions.DEFAULTS, List.of());
    }

    /** Returns whether the data are IDX files. */
    public boolean isIdx() {
        return images.isEmpty();
    }
}

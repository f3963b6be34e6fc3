package dev.cnnbuild.core.spec;

/**
 * Where the training and test data are, and in which format.
 *
 * <pre>{@code
 * data:
 *   format: idx      # the default, and the only format for now
 *   train: {images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}
 *   test:  {images: t10k-images-idx3-ubyte.gz,  labels: t10k-labels-idx1-ubyte.gz}
 * }</pre>
 *
 * @param format the file format, {@code "idx"}
 * @param train the training set
 * @param test the test set
 */
public record DataSpec(String format, DatasetFiles train, DatasetFiles test) {
}

package dev.cnnbuild.core.spec;

import java.nio.file.Path;

/**
 * The two files of one data set; relative paths in the model file are resolved against the model file's folder.
 *
 * <pre>{@code
 * train: {images: data/mnist/train-images-idx3-ubyte.gz, labels: data/mnist/train-labels-idx1-ubyte.gz}
 * # in /project/src/main/cnn/mnist.yaml gives images /project/src/main/cnn/data/mnist/train-images-idx3-ubyte.gz
 * }</pre>
 *
 * @param images the images file, absolute and normalized
 * @param labels the labels file, absolute and normalized
 */
public record DatasetFiles(Path images, Path labels) {}

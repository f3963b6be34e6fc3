package dev.cnnbuild.benchmarks.runtime;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every benchmark reads: the model directory that the module's build trained ({@code target/cnn/mnist-cnn},
 * or the folder the system property {@value #MODEL_PROPERTY} names) and MNIST test images, decoded once into
 * {@link BufferedImage}s so that no benchmark times image decoding.
 *
 * <pre>{@code
 * List<BufferedImage> images = MnistBenchmarkModel.testImages(256);
 * Path onnx = MnistBenchmarkModel.directory().resolve("model.onnx");
 * }</pre>
 */
public final class MnistBenchmarkModel {
    /** The system property that names another model directory of the same network. */
    public static final String MODEL_PROPERTY = "cnn.benchmark.model";

    /** The system property that names another folder of the MNIST files. */
    public static final String MNIST_PROPERTY = "cnn.benchmark.mnist";

    private MnistBenchmarkModel() {}

    /** Returns the model directory the benchmarks load. */
    public static Path directory() {
        Path directory = Path.of(System.getProperty(MODEL_PROPERTY, "target/cnn/mnist-cnn"));
        if (!Files.isRegularFile(directory.resolve("manifest.sha256"))) {
            throw new IllegalStateException("no trained model at " + directory.toAbsolutePath() + "; build the"
                    + " module first ('mvn -f benchmarks/runtime-jmh/pom.xml package') and run from its folder, or"
                    + " set -D" + MODEL_PROPERTY);
        }
        return directory;
    }

    /**
     * Returns the normalisation the model was trained with: its {@code normalization.json}, or none.
     *
     * @return the mean and standard deviation of its one channel
     * @throws IOException if the file cannot be read
     */
    public static ChannelNormalization normalization() throws IOException {
        Path file = directory().resolve(ChannelNormalization.FILE_NAME);
        return Files.isRegularFile(file) ? ChannelNormalization.read(file) : ChannelNormalization.NONE;
    }

    /**
     * Returns the first {@code count} MNIST test images as grey {@link BufferedImage}s, as an application would
     * have them after decoding an upload.
     *
     * @param count how many, at most 10,000
     * @return the images
     * @throws DatasetException if the MNIST test file cannot be read
     */
    public static List<BufferedImage> testImages(int count) throws DatasetException {
        ImageSet set = testSet();
        int size = set.height() * set.width();
        List<BufferedImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(set.width(), set.height(), BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, set.width(), set.height(), slice(set.pixels(), i * size, size));
            images.add(image);
        }
        return images;
    }

    /**
     * Returns the 10,000 MNIST test images as the training's code holds them.
     *
     * @return the images, 1 x 28 x 28 bytes each
     * @throws DatasetException if the MNIST test file cannot be read
     */
    public static ImageSet testSet() throws DatasetException {
        Path mnist = Path.of(System.getProperty(MNIST_PROPERTY, "../../sample-project/data/mnist"));
        return IdxReader.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz"));
    }

    private static byte[] slice(byte[] pixels, int from, int length) {
        byte[] slice = new byte[length];
        System.arraycopy(pixels, from, slice, 0, length);
        return slice;
    }
}

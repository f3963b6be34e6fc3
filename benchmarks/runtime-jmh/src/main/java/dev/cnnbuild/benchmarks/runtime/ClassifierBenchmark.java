package dev.cnnbuild.benchmarks.runtime;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.Classifier;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The calls an application makes on a {@link Classifier}, on decoded MNIST images (image decoding excluded): {@code
 * one} gives the latency percentiles of a single image, {@code batch} the time of {@code classifyAllImages} on 32 or
 * 256 images. Each runtime's benchmark names the classifier it loads; JMH runs these methods under its name.
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main 'CnnClassifierBenchmark|OnnxClassifierBenchmark'
 * }</pre>
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class ClassifierBenchmark {
    private Classifier classifier;
    private List<BufferedImage> images;
    private int next;

    /**
     * Loads the runtime's classifier.
     *
     * @param model the model directory
     * @return its classifier, closed after the benchmark
     */
    protected abstract Classifier load(Path model);

    /**
     * Loads the model and decodes the images.
     *
     * @throws DatasetException if the MNIST test file cannot be read
     */
    @Setup
    public void load() throws DatasetException {
        classifier = load(MnistBenchmarkModel.directory());
        images = MnistBenchmarkModel.testImages(Images.ROTATION);
    }

    /** Frees the model. */
    @TearDown
    public void close() {
        classifier.close();
    }

    /**
     * Classifies one image, the next of the rotation.
     *
     * @return its classification
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Classification one() {
        BufferedImage image = images.get(next);
        next = (next + 1) % images.size();
        return classifier.classify(image);
    }

    /**
     * Classifies a batch of images.
     *
     * @param batch the images
     * @return their classifications
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Classification> batch(Images batch) {
        return classifier.classifyAllImages(batch.images);
    }

    /**
     * A batch of decoded MNIST test images, of 32 or 256.
     *
     * <pre>{@code
     * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main 'CnnClassifierBenchmark.batch' -p size=32
     * }</pre>
     */
    @State(Scope.Thread)
    public static class Images {
        /** How many images the single-image benchmarks rotate through. */
        static final int ROTATION = 256;

        /** The batch size. */
        @Param({"32", "256"})
        public int size;

        List<BufferedImage> images;

        /**
         * Decodes the images.
         *
         * @throws DatasetException if the MNIST test file cannot be read
         */
        @Setup
        public void decode() throws DatasetException {
            images = MnistBenchmarkModel.testImages(size);
        }
    }
}

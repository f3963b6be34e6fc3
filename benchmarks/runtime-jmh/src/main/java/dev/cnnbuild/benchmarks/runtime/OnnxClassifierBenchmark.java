package dev.cnnbuild.benchmarks.runtime;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.onnx.OnnxClassifier;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code cnn-runtime-onnx}'s {@link OnnxClassifier} on the same decoded MNIST images as {@link CnnClassifierBenchmark}:
 * the training's preprocessing in Java, ONNX Runtime on {@code model.onnx}, the softmax and the
 * {@link Classification}s; image decoding excluded.
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main OnnxClassifierBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OnnxClassifierBenchmark {
    private OnnxClassifier classifier;
    private List<BufferedImage> images;
    private int next;

    /**
     * Loads the model and decodes the images.
     *
     * @throws DatasetException if the MNIST test file cannot be read
     */
    @Setup
    public void load() throws DatasetException {
        classifier = OnnxClassifier.load(MnistBenchmarkModel.directory());
        images = MnistBenchmarkModel.testImages(CnnClassifierBenchmark.Images.ROTATION);
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
    public List<Classification> batch(CnnClassifierBenchmark.Images batch) {
        return classifier.classifyAllImages(batch.images);
    }
}

package dev.cnnbuild.benchmarks.runtime;

import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.CnnClassifier;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;

/**
 * {@code cnn-runtime}'s {@link CnnClassifier} on decoded MNIST images: preprocessing (the training's own code), the
 * forward pass, the probabilities and the {@link Classification}s; image decoding excluded. {@code one} gives the
 * latency percentiles of a single image, {@code batch} the time of {@code classifyAllImages} on 32 or 256 images
 * ({@link ClassifierBenchmark}).
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main CnnClassifierBenchmark
 * }</pre>
 */
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class CnnClassifierBenchmark extends ClassifierBenchmark {
    @Override
    protected Classifier load(Path model) {
        return CnnClassifier.load(model);
    }
}

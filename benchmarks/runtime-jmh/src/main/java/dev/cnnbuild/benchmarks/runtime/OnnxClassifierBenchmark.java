package dev.cnnbuild.benchmarks.runtime;

import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.onnx.OnnxClassifier;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;

/**
 * {@code cnn-runtime-onnx}'s {@link OnnxClassifier} on the same decoded MNIST images as {@link CnnClassifierBenchmark}:
 * the training's preprocessing in Java, ONNX Runtime on {@code model.onnx}, the softmax and the
 * {@link Classification}s; image decoding excluded ({@link ClassifierBenchmark}).
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main OnnxClassifierBenchmark
 * }</pre>
 */
@Fork(1)
public class OnnxClassifierBenchmark extends ClassifierBenchmark {
    @Override
    protected Classifier load(Path model) {
        return OnnxClassifier.load(model);
    }
}

package dev.cnnbuild.benchmarks.runtime;

import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.CnnClassifier;
import dev.cnnbuild.runtime.onnx.OnnxClassifier;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What an application's first request waits for in a fresh JVM: {@link CnnClassifier#fromClasspath} of the
 * benchmark's model ({@code cnn/mnist-cnn}, which the module's build put into {@code target/classes}), then the first
 * {@code classify} of a PNG file ({@code mnist-test-0.png} in the module's folder: the first MNIST test image, a 7).
 * Prints both times and their sum; run it under {@code /usr/bin/time -v} for the whole process, the JVM's start
 * included. With {@code onnx} after the file it loads an {@link OnnxClassifier} instead (run it on a class path
 * without PyTorch's jars, as an application of {@code cnn-runtime-onnx} has it).
 *
 * <pre>{@code
 * /usr/bin/time -v java -Dai.djl.offline=true -cp 'target/classes:target/lib/*' \
 *     dev.cnnbuild.benchmarks.runtime.FirstClassification mnist-test-0.png
 * }</pre>
 */
public final class FirstClassification {
    private FirstClassification() {}

    /**
     * Loads the model, classifies the image and prints the times.
     *
     * @param args the PNG file to classify, then {@code onnx} for the ONNX runtime
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("onnx"))) {
            System.err.println("usage: FirstClassification <image file> [onnx]");
            System.exit(2);
        }
        long start = System.nanoTime();
        try (Classifier classifier = args.length == 2 ? onnx() : torch()) {
            long loaded = System.nanoTime();
            Classification classification = classifier.classify(Path.of(args[0]));
            long classified = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "fromClasspath %d ms, first classify %d ms (%s, %.4f); main to result %d ms%n",
                    (loaded - start) / 1_000_000,
                    (classified - loaded) / 1_000_000,
                    classification.label(),
                    classification.probability(),
                    (classified - start) / 1_000_000);
        }
    }

    private static Classifier torch() {
        return CnnClassifier.fromClasspath("cnn/mnist-cnn");
    }

    private static Classifier onnx() {
        return OnnxClassifier.fromClasspath("cnn/mnist-cnn");
    }
}

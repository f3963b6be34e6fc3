package dev.cnnbuild.benchmarks.runtime;

import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.CnnClassifier;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What an application's first request waits for in a fresh JVM: {@link CnnClassifier#fromClasspath} of the
 * benchmark's model ({@code cnn/mnist-cnn}, which the module's build put into {@code target/classes}), then the first
 * {@code classify} of a PNG file ({@code mnist-test-0.png} in the module's folder: the first MNIST test image, a 7).
 * Prints both times and their sum; run it under {@code /usr/bin/time -v} for the whole process, the JVM's start
 * included.
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
     * @param args the PNG file to classify
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: FirstClassification <image file>");
            System.exit(2);
        }
        long start = System.nanoTime();
        try (CnnClassifier classifier = CnnClassifier.fromClasspath("cnn/mnist-cnn")) {
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
}

package dev.cnnbuild.core.service;

import dev.cnnbuild.core.model.FileHashCache;
import dev.cnnbuild.core.testing.TinyImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Measures how long {@code cnn:train}'s decision "up to date" takes for a folder of 10,000 colour images of 32x32
 * pixels in 10 classes: once with the hash cache (an unchanged rebuild) and once without it (every image hashed),
 * and prints the lines for docs/benchmarks.md. Not a test (it would time every {@code mvn test}): run it by hand,
 * after {@code mvn test-compile}, with cnn-core's test class path; it writes into the folder given as argument.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$CLASSPATH" \
 *     dev.cnnbuild.core.service.UpToDateBenchmark /tmp/uptodate
 * }</pre>
 */
public final class UpToDateBenchmark {
    private static final int CLASSES = 10;
    private static final int PER_CLASS = 1000;
    private static final int ROUNDS = 5;

    private UpToDateBenchmark() {}

    /**
     * Writes the images, trains once, then times the decision.
     *
     * @param args the working folder
     * @throws Exception if training fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path images = dir.resolve("images");
        Random random = new Random(1);
        for (int c = 0; c < CLASSES; c++) {
            for (int i = 0; i < PER_CLASS; i++) {
                Path file = images.resolve("class" + c).resolve(i + ".png");
                if (!Files.exists(file)) {
                    BufferedImage image = TinyImages.classImage(c % 2, 32, 32, random);
                    TinyImages.write(image, "png", file);
                }
            }
        }
        Path yaml = Files.writeString(
                dir.resolve("bench.yaml"),
                TinyImages.modelYaml("bench", "folder", "  dir: images\n  testSplit: 0.1\n  resize: stretch\n", 3)
                        .replace("classes: 2", "classes: 10")
                        .replace("linear: {units: 2}", "linear: {units: 10}")
                        .replace("epochs: 3", "epochs: 1")
                        .replace("batchSize: 8", "batchSize: 256"));
        Path output = dir.resolve("out");
        TrainingService service = new TrainingService((model, reason) -> {});
        service.train(TrainingRequest.of(yaml, output));
        Thread.sleep(2100);
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            TrainingResult cached = service.train(TrainingRequest.of(yaml, output));
            double cachedSeconds = (System.nanoTime() - start) / 1e9;
            Files.delete(FileHashCache.beside(output, "bench").file());
            start = System.nanoTime();
            service.train(TrainingRequest.of(yaml, output));
            double uncachedSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: %,d images, up to date %s: %.3f s with the hash cache,"
                            + " %.3f s hashing every image%n",
                    round + 1,
                    CLASSES * PER_CLASS,
                    !cached.trained(),
                    cachedSeconds,
                    uncachedSeconds);
        }
    }
}

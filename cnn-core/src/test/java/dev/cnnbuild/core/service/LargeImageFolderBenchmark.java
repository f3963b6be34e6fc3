package dev.cnnbuild.core.service;

import dev.cnnbuild.core.cli.ProgressPrinter;
import dev.cnnbuild.core.testing.TinyImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains one epoch on a folder of 100,000 colour images of 64x64 pixels (1.2 GB as bytes) in the JVM it runs in, to
 * show that decoded images kept as bytes fit a 2 GB heap, and prints the heap used after training. Not a test: run
 * it by hand with {@code -Xmx2g}, after {@code mvn test-compile}, with cnn-core's test class path; it writes into the
 * folder given as argument (about 400 MB on disk, as the images are simple and compress well).
 *
 * <pre>{@code
 * java -Xmx2g -Dai.djl.offline=true -cp "target/test-classes:target/classes:$CLASSPATH" \
 *     dev.cnnbuild.core.service.LargeImageFolderBenchmark /tmp/large
 * }</pre>
 */
public final class LargeImageFolderBenchmark {
    private static final int PER_CLASS = 50_000;
    private static final int SIZE = 64;

    private LargeImageFolderBenchmark() {}

    /**
     * Writes the images unless they are there, then trains and prints the figures.
     *
     * @param args the working folder
     * @throws Exception if training fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (int label = 0; label < 2; label++) {
            Path folder = Files.createDirectories(dir.resolve("images").resolve(TinyImages.CLASSES[label]));
            for (int i = 0; i < PER_CLASS; i++) {
                Path file = folder.resolve(i + ".png");
                if (!Files.exists(file)) {
                    TinyImages.write(image(label, i), "png", file);
                }
            }
        }
        Path yaml = Files.writeString(
                dir.resolve("large.yaml"),
                TinyImages.modelYaml("large", "folder", "  dir: images\n  testSplit: 0.02\n", 3)
                        .replace("height: 8, width: 8", "height: 64, width: 64")
                        .replace("epochs: 3", "epochs: 1")
                        .replace("batchSize: 8", "batchSize: 256")
                        .replace("maxpool: {kernel: 2}", "maxpool: {kernel: 8}"));
        long start = System.nanoTime();
        TrainingResult result = new TrainingService(new ProgressPrinter(System.out::println))
                .train(TrainingRequest.of(yaml, dir.resolve("out")).withForce(true));
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "trained %s in %.0f s; heap: max %,d MB, used %,d MB after training%n",
                result.modelName(),
                (System.nanoTime() - start) / 1e9,
                runtime.maxMemory() >> 20,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static BufferedImage image(int label, int index) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        int colour = label == 0 ? 0x2040C0 : 0xC04020;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean inHalf = (x < SIZE / 2) == (label == 0);
                image.setRGB(x, y, inHalf ? colour : (index % 7) * 0x101010);
            }
        }
        return image;
    }
}

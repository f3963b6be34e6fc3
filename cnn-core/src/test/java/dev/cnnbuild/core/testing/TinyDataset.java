package dev.cnnbuild.core.testing;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingService;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small generated IDX datasets for tests: two classes of {@code size x size} images, class 0 bright in its
 * left half, class 1 in its right half, with seeded noise, so that a tiny network separates them in seconds.
 *
 * <pre>{@code
 * Path yaml = TinyDataset.writeModel(tempDir, "tiny", "");
 * }</pre>
 */
public final class TinyDataset {
    public static final int SIZE = 8;

    private TinyDataset() {}

    /** Writes {@code train-*} (256 images) and {@code test-*} (128 images) IDX files, gzipped, into {@code dir}. */
    public static void writeData(Path dir) throws IOException {
        write(dir, "train", 256, 1);
        write(dir, "test", 128, 2);
    }

    /**
     * Writes the data and a model file {@code <name>.yaml} for it into {@code dir}.
     *
     * @param dir the folder
     * @param name the model name
     * @param trainingExtra extra lines for the training section, each indented by two spaces
     * @return the model file
     */
    public static Path writeModel(Path dir, String name, String trainingExtra) throws IOException {
        writeData(dir);
        return Files.writeString(dir.resolve(name + ".yaml"), modelYaml(name, trainingExtra));
    }

    /**
     * Trains a model file with the core's training service, as {@code cnn:train} does, and returns its directory.
     *
     * @param yaml the model file
     * @param output the folder that holds model directories
     * @return the written model directory
     * @throws Exception if training fails
     */
    public static ModelDirectory train(Path yaml, Path output) throws Exception {
        return new TrainingService((model, reason) -> {})
                .train(TrainingRequest.of(yaml, output))
                .directory();
    }

    /** Returns a small valid model file for the tiny data. */
    public static String modelYaml(String name, String trainingExtra) {
        return "name: " + name + "\n"
                + "input: {channels: 1, height: 8, width: 8}\n"
                + "classes: 2\n"
                + "layers:\n"
                + "  - conv2d: {filters: 4, kernel: 3}\n"
                + "  - relu\n"
                + "  - maxpool: {kernel: 2}\n"
                + "  - flatten\n"
                + "  - linear: {units: 2}\n"
                + "data:\n"
                + "  train: {images: train-images.idx3.gz, labels: train-labels.idx1.gz}\n"
                + "  test: {images: test-images.idx3.gz, labels: test-labels.idx1.gz}\n"
                + "training:\n"
                + "  epochs: 3\n"
                + "  batchSize: 16\n"
                + "  optimizer: {adam: {learningRate: 0.01}}\n"
                + "  seed: 7\n"
                + "  device: cpu\n"
                + trainingExtra;
    }

    /** Returns an IDX image file's bytes: magic, count, rows, columns, pixels. */
    public static byte[] imageFile(int count, int rows, int columns, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(columns);
        out.write(pixels);
        return bytes.toByteArray();
    }

    /** Returns an IDX label file's bytes: magic, count, labels. */
    public static byte[] labelFile(byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(labels.length);
        out.write(labels);
        return bytes.toByteArray();
    }

    /** Writes bytes gzipped. */
    public static void writeGzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    private static void write(Path dir, String prefix, int count, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIZE * SIZE];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            labels[i] = (byte) label;
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    boolean bright = (c < SIZE / 2) == (label == 0);
                    int value = (bright ? 160 : 40) + random.nextInt(80);
                    pixels[i * SIZE * SIZE + r * SIZE + c] = (byte) value;
                }
            }
        }
        writeGzip(dir.resolve(prefix + "-images.idx3.gz"), imageFile(count, SIZE, SIZE, pixels));
        writeGzip(dir.resolve(prefix + "-labels.idx1.gz"), labelFile(labels));
    }
}

package dev.cnnbuild.core.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes small generated image files for tests: single images of given colours, and folders of two colour classes,
 * {@code blue} (blue in its left half) and {@code red} (red in its right half), with seeded noise, so that a tiny
 * network separates them in seconds.
 *
 * <pre>{@code
 * TinyImages.writeClasses(dir.resolve("images"), 40, 8, 8, 1);   // images/blue/0.png ..., images/red/0.png ...
 * Path yaml = TinyImages.writeFolderModel(dir, "pets", "  dir: images\n  testSplit: 0.25\n", 3);
 * }</pre>
 */
public final class TinyImages {
    /** The two classes, in label order. */
    public static final String[] CLASSES = {"blue", "red"};

    private TinyImages() {}

    /** Writes a {@code height x width} image of one RGB colour in the given ImageIO format. */
    public static Path solid(Path file, int height, int width, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return write(image, format, file);
    }

    /** Writes an image in the given ImageIO format, creating folders. */
    public static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    /**
     * Writes {@code perClass} PNG images of each class into {@code dir/blue/} and {@code dir/red/}.
     *
     * @return the folder
     */
    public static Path writeClasses(Path dir, int perClass, int height, int width, long seed) throws IOException {
        Random random = new Random(seed);
        for (int label = 0; label < CLASSES.length; label++) {
            for (int i = 0; i < perClass; i++) {
                write(
                        classImage(label, height, width, random),
                        "png",
                        dir.resolve(CLASSES[label]).resolve(String.format("%03d.png", i)));
            }
        }
        return dir;
    }

    /** Returns one image of a class: its colour in one half, dark grey noise elsewhere. */
    public static BufferedImage classImage(int label, int height, int width, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean coloured = (x < width / 2) == (label == 0);
                int noise = random.nextInt(60);
                int strong = 170 + random.nextInt(80);
                int rgb = !coloured
                        ? (noise << 16) | (noise << 8) | noise
                        : label == 0 ? (noise << 16) | (noise << 8) | strong : (strong << 16) | (noise << 8) | noise;
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /**
     * Writes a model file {@code <name>.yaml} for 8x8 images of the two classes.
     *
     * @param dir the folder of the model file
     * @param name the model's name
     * @param dataLines the lines of the data section after {@code format}, each indented by two spaces
     * @param channels the input's channels
     * @return the model file
     */
    public static Path writeFolderModel(Path dir, String name, String dataLines, int channels) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), modelYaml(name, "folder", dataLines, channels));
    }

    /** Returns a model file for 8x8 images of two classes with the given data section. */
    public static String modelYaml(String name, String format, String dataLines, int channels) {
        return "name: " + name + "\n"
                + "input: {channels: " + channels + ", height: 8, width: 8}\n"
                + "classes: 2\n"
                + "layers:\n"
                + "  - conv2d: {filters: 4, kernel: 3}\n"
                + "  - relu\n"
                + "  - maxpool: {kernel: 2}\n"
                + "  - flatten\n"
                + "  - linear: {units: 2}\n"
                + "data:\n"
                + "  format: " + format + "\n"
                + dataLines
                + "training:\n"
                + "  epochs: 3\n"
                + "  batchSize: 8\n"
                + "  optimizer: {adam: {learningRate: 0.01}}\n"
                + "  seed: 7\n"
                + "  device: cpu\n";
    }
}

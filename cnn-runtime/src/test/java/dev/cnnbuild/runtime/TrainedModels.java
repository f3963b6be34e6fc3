package dev.cnnbuild.runtime;

import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.data.ImageDecoder;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyDataset;
import dev.cnnbuild.core.testing.TinyImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Models trained for these tests with the core's training service, as {@code cnn:train} trains them, and image files
 * written for them; the ONNX runtime's tests use them too (this module's test-jar).
 *
 * <pre>{@code
 * ModelDirectory mnist = TrainedModels.mnist(dir, 300);   // dir/out/mnist-small, tested on 300 of the sample's images
 * List<Path> pngs = TrainedModels.writePngs(IdxReader.readImages(...), dir.resolve("png"));
 * List<Path> digits = TrainedModels.mnistTestPngs(300, dir.resolve("digits"));   // the sample's first 300 test images
 * }</pre>
 */
public final class TrainedModels {
    /** The sample's MNIST files. */
    public static final Path MNIST = Path.of(System.getProperty("mnist.directory", "../sample-project/data/mnist"));

    private TrainedModels() {}

    /**
     * Trains a small 28x28 network for one epoch on the sample's first 2,000 training images; its test set is the
     * sample's first {@code testImages} test images.
     */
    public static ModelDirectory mnist(Path dir, int testImages) throws Exception {
        Files.createDirectories(dir);
        subset("train", 2000, dir);
        subset("t10k", testImages, dir);
        Path yaml = Files.writeString(
                dir.resolve("mnist-small.yaml"),
                "name: mnist-small\n"
                        + "input: {channels: 1, height: 28, width: 28}\n"
                        + "classes: 10\n"
                        + "layers:\n"
                        + "  - conv2d: {filters: 8, kernel: 5}\n"
                        + "  - relu\n"
                        + "  - maxpool: {kernel: 2}\n"
                        + "  - flatten\n"
                        + "  - linear: {units: 10}\n"
                        + "data:\n"
                        + "  train: {images: train-images.gz, labels: train-labels.gz}\n"
                        + "  test: {images: t10k-images.gz, labels: t10k-labels.gz}\n"
                        + "training:\n"
                        + "  epochs: 1\n"
                        + "  batchSize: 64\n"
                        + "  optimizer: {adam: {learningRate: 0.002}}\n"
                        + "  seed: 3\n"
                        + "  device: cpu\n");
        return TinyDataset.train(yaml, dir.resolve("out"));
    }

    /** Trains the core's tiny 8x8 grey IDX model (two classes, {@code resize: none}). */
    public static ModelDirectory tiny(Path dir) throws Exception {
        Files.createDirectories(dir);
        return TinyDataset.train(TinyDataset.writeModel(dir, "tiny", ""), dir.resolve("out"));
    }

    /**
     * Trains an 8x8 model of {@code channels} on 12x10 colour images of two classes (blue, red), with the given
     * resize mode and normalisation; its test images are in {@code dir/test/<class>/}.
     */
    public static ModelDirectory colours(Path dir, String name, int channels, String resize, String normalize)
            throws Exception {
        TinyImages.writeClasses(dir.resolve("train"), 24, 12, 10, 1);
        TinyImages.writeClasses(dir.resolve("test"), 20, 12, 10, 2);
        Path yaml = TinyImages.writeFolderModel(
                dir,
                name,
                "  train: {dir: train}\n  test: {dir: test}\n  resize: " + resize + "\n  normalize: " + normalize
                        + "\n",
                channels);
        return TinyDataset.train(yaml, dir.resolve("out"));
    }

    /** Writes the sample's first {@code count} MNIST test images as PNG files, as {@link #writePngs} does. */
    public static List<Path> mnistTestPngs(int count, Path dir) throws Exception {
        return writePngs(
                IdxReader.readImages(MNIST.resolve("t10k-images-idx3-ubyte.gz")).first(count), dir);
    }

    /** Writes each image of a grey set as {@code <index>.png}, grey levels as they are, and returns the files. */
    public static List<Path> writePngs(ImageSet images, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < images.count(); i++) {
            BufferedImage image = new BufferedImage(images.width(), images.height(), BufferedImage.TYPE_BYTE_GRAY);
            for (int row = 0; row < images.height(); row++) {
                for (int column = 0; column < images.width(); column++) {
                    image.getRaster().setSample(column, row, 0, images.pixel(i, row, column));
                }
            }
            Path file = dir.resolve(String.format("%04d.png", i));
            ImageIO.write(image, "png", file.toFile());
            files.add(file);
        }
        return files;
    }

    /**
     * A JPEG as a phone stores a photo: its pixels lie sideways and its EXIF orientation (6) says to turn them a
     * quarter clockwise for display.
     *
     * @param file the JPEG file
     * @param stored its pixels as stored, decoded without the orientation
     * @param upright the same pixels turned a quarter clockwise, as the photo is to be seen
     */
    public record PhonePhoto(Path file, BufferedImage stored, BufferedImage upright) {}

    /**
     * Writes a 10 high and 12 wide JPEG, red in its left third and blue elsewhere, tagged with EXIF orientation 6;
     * upright it is 12 high and 10 wide, red in its top third. The pixels are the JPEG's own, decoded without the
     * tag, so an upright image and the file differ only by the turn.
     */
    public static PhonePhoto writePhonePhoto(Path file) throws Exception {
        int height = 10;
        int width = 12;
        BufferedImage drawn = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                drawn.setRGB(x, y, x < width / 3 ? 0xD02020 : 0x2030C0);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(drawn, "jpg", jpeg);
        byte[] untagged = jpeg.toByteArray();
        byte[] planes = ImageDecoder.decode(untagged, "stored", new InputShape(3, height, width), ResizeMode.NONE);
        BufferedImage stored = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        BufferedImage upright = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
        int size = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int rgb = (planes[i] & 0xFF) << 16 | (planes[size + i] & 0xFF) << 8 | planes[2 * size + i] & 0xFF;
                stored.setRGB(x, y, rgb);
                upright.setRGB(height - 1 - y, x, rgb); // a quarter clockwise: the bottom row becomes the left column
            }
        }
        Files.write(file, withOrientation(untagged, 6));
        return new PhonePhoto(file, stored, upright);
    }

    /** Inserts a big-endian EXIF segment holding only the orientation tag after a JPEG's start-of-image marker. */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // the directory follows the header
        tiff.putShort((short) 1); // one entry: tag 0x0112, type SHORT, one value
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
        tiff.putShort((short) 0).putInt(0); // padding, no next directory
        ByteBuffer segment = ByteBuffer.allocate(4 + 6 + tiff.capacity());
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (segment.capacity() - 2));
        segment.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        segment.put(tiff.array());
        byte[] tagged = new byte[jpeg.length + segment.capacity()];
        System.arraycopy(jpeg, 0, tagged, 0, 2);
        System.arraycopy(segment.array(), 0, tagged, 2, segment.capacity());
        System.arraycopy(jpeg, 2, tagged, 2 + segment.capacity(), jpeg.length - 2);
        return tagged;
    }

    private static void subset(String prefix, int count, Path dir) throws Exception {
        ImageSet images = IdxReader.readImages(MNIST.resolve(prefix + "-images-idx3-ubyte.gz"));
        int[] labels = IdxReader.readLabels(MNIST.resolve(prefix + "-labels-idx1-ubyte.gz"));
        String name = prefix.equals("train") ? "train" : "t10k";
        byte[] pixels = Arrays.copyOf(images.pixels(), count * images.imageSize());
        byte[] labelBytes = new byte[count];
        for (int i = 0; i < count; i++) {
            labelBytes[i] = (byte) labels[i];
        }
        TinyDataset.writeGzip(
                dir.resolve(name + "-images.gz"),
                TinyDataset.imageFile(count, images.height(), images.width(), pixels));
        TinyDataset.writeGzip(dir.resolve(name + "-labels.gz"), TinyDataset.labelFile(labelBytes));
    }
}

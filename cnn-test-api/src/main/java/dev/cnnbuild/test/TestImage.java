package dev.cnnbuild.test;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.data.ImageSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * One grey-scale image to classify: from an array of grey levels, a record of an IDX file, or a PNG file. Pixels
 * are grey levels {@code 0..255}, black 0, as in MNIST; colour PNGs are turned grey by their luminance. The image
 * must already have the model's input size: nothing is resized.
 *
 * <pre>{@code
 * TestImage seven = TestImage.idx(Path.of("data/t10k-images-idx3-ubyte.gz"), 0);
 * TestImage drawn = TestImage.png(Path.of("src/test/resources/three.png"));
 * assertThat(model).classifiesAs(seven, 7).classifiesAs(drawn, 3);
 * }</pre>
 */
public final class TestImage {
    private final String description;
    private final ImageSet pixels;

    private TestImage(String description, ImageSet pixels) {
        this.description = description;
        this.pixels = pixels;
    }

    /**
     * Returns an image from rows of grey levels.
     *
     * @param greyLevels {@code height} rows of {@code width} values {@code 0..255}
     * @return the image
     * @throws IllegalArgumentException if the rows differ in length or a value is outside {@code 0..255}
     */
    public static TestImage of(int[][] greyLevels) {
        int height = greyLevels.length;
        int width = height == 0 ? 0 : greyLevels[0].length;
        byte[] bytes = new byte[height * width];
        for (int row = 0; row < height; row++) {
            if (greyLevels[row].length != width) {
                throw new IllegalArgumentException("row " + row + " has " + greyLevels[row].length
                        + " pixels but row 0 has " + width + "; an image is rectangular");
            }
            for (int column = 0; column < width; column++) {
                int value = greyLevels[row][column];
                if (value < 0 || value > 255) {
                    throw new IllegalArgumentException("pixel (" + row + ", " + column + ") is " + value
                            + "; grey levels go from 0 to 255");
                }
                bytes[row * width + column] = (byte) value;
            }
        }
        return new TestImage("a " + height + "x" + width + " pixel array", new ImageSet(1, height, width, bytes));
    }

    /**
     * Returns one image of an IDX image file.
     *
     * @param images the {@code idx3-ubyte} file, raw or gzipped
     * @param index the image's position, from 0
     * @return the image
     * @throws IllegalArgumentException if the file cannot be read or has no such image
     */
    public static TestImage idx(Path images, int index) {
        try {
            return of(IdxReader.readImages(images), index, "image " + index + " of " + images.getFileName());
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Returns one image of a set already read, such as {@code IdxReader.readImages(file)}.
     *
     * @param images the images
     * @param index the image's position, from 0
     * @return the image, described as {@code "image <index>"}
     * @throws IllegalArgumentException if there is no such image
     */
    public static TestImage of(ImageSet images, int index) {
        return of(images, index, "image " + index);
    }

    /**
     * Returns a PNG (or any format {@link ImageIO} reads) as grey levels.
     *
     * @param file the image file
     * @return the image, described by its file name
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is not an image
     */
    public static TestImage png(Path file) {
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException(file + " is not an image ImageIO can read; save it as PNG");
        }
        int height = image.getHeight();
        int width = image.getWidth();
        byte[] bytes = new byte[height * width];
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                bytes[row * width + column] = (byte) (grey ? image.getRaster().getSample(column, row, 0)
                        : luminance(image.getRGB(column, row)));
            }
        }
        return new TestImage("image " + file.getFileName(), new ImageSet(1, height, width, bytes));
    }

    /** Returns how failure messages name the image, such as {@code "image 17 of t10k-images-idx3-ubyte.gz"}. */
    public String description() {
        return description;
    }

    /** Returns the image's height in pixels. */
    public int height() {
        return pixels.height();
    }

    /** Returns the image's width in pixels. */
    public int width() {
        return pixels.width();
    }

    ImageSet pixels() {
        return pixels;
    }

    @Override
    public String toString() {
        return description;
    }

    private static TestImage of(ImageSet images, int index, String description) {
        if (index < 0 || index >= images.count()) {
            throw new IllegalArgumentException("no image " + index + ": the set has " + images.count() + " images");
        }
        int size = images.imageSize();
        byte[] bytes = new byte[size];
        System.arraycopy(images.pixels(), index * size, bytes, 0, size);
        return new TestImage(description, new ImageSet(1, images.height(), images.width(), bytes));
    }

    private static int luminance(int rgb) {
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        return (int) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
    }
}

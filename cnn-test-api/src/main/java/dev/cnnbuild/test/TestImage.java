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
 * One image to classify: from an array of grey levels, a record of an IDX file, or a PNG file. Pixels are values
 * {@code 0..255}, black 0, as in MNIST; a colour PNG keeps its red, green and blue, and is turned grey by its
 * luminance for a model of one channel (a grey image is repeated for a model of three). The image must already have
 * the model's input size: nothing is resized.
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
                    throw new IllegalArgumentException(
                            "pixel (" + row + ", " + column + ") is " + value + "; grey levels go from 0 to 255");
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
     * Returns a PNG (or any format {@link ImageIO} reads): grey levels for a grey image, red, green and blue for a
     * colour one; a model that takes the other kind gets it converted (colour to grey by luminance, grey repeated).
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
        int plane = height * width;
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        byte[] bytes = new byte[(grey ? 1 : 3) * plane];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                int at = row * width + column;
                if (grey) {
                    bytes[at] = (byte) image.getRaster().getSample(column, row, 0);
                } else {
                    int rgb = image.getRGB(column, row);
                    bytes[at] = (byte) (rgb >> 16);
                    bytes[plane + at] = (byte) (rgb >> 8);
                    bytes[2 * plane + at] = (byte) rgb;
                }
            }
        }
        return new TestImage("image " + file.getFileName(), new ImageSet(1, grey ? 1 : 3, height, width, bytes));
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
        return new TestImage(description, new ImageSet(1, images.channels(), images.height(), images.width(), bytes));
    }
}

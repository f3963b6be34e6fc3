package dev.cnnbuild.runtime;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageDecoder;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an application's images into a model's input bytes with the training's own code ({@link ImageDecoder}: the
 * same formats, JPEG EXIF orientation, colour conversion, and resizing or refusal as the model's {@code resize}
 * says), after checking their upright size from the file's header, so that an image of the wrong size, or a small
 * upload that claims a huge image, is refused before its pixels are decoded. Every {@link Classifier} reads its
 * images through it, whatever engine runs the network.
 *
 * <pre>{@code
 * ImageInput input = new ImageInput("mnist-cnn", new InputShape(1, 28, 28), ResizeMode.NONE);
 * byte[] pixels = input.decode(Path.of("digit.png"));   // 784 bytes, channel plane by plane
 * }</pre>
 *
 * @param model how messages name the model, such as its directory
 * @param shape the model's input: channels, height and width
 * @param resize what the model does with an image of another size
 */
public record ImageInput(String model, InputShape shape, ResizeMode resize) {

    /**
     * Reads an image file (PNG, JPEG, BMP, GIF or WebP), turned upright by its EXIF orientation.
     *
     * @param file the file
     * @return {@code channels x height x width} bytes, channel plane by plane
     * @throws CnnClassifierException if the file is missing, not an image, too large or of the wrong size
     */
    public byte[] decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CnnClassifierException(
                    file + ": no such image file" + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        byte[] encoded;
        try {
            encoded = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) { // OutOfMemoryError: over 2 GB, more than an array holds
            throw new CnnClassifierException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return decode(encoded, file.toString());
    }

    /**
     * Reads the image a stream holds to its end, without closing it, as {@link #decode(Path)} reads a file.
     *
     * @param in the image's bytes
     * @param source how messages name it
     * @return {@code channels x height x width} bytes, channel plane by plane
     * @throws CnnClassifierException if the bytes are not an image, or it is too large or of the wrong size
     */
    public byte[] decode(InputStream in, String source) {
        byte[] encoded;
        try {
            encoded = in.readAllBytes();
        } catch (IOException | OutOfMemoryError e) {
            throw new CnnClassifierException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return decode(encoded, source);
    }

    /**
     * Reads an image file's bytes, as {@link #decode(Path)} reads the file.
     *
     * @param encoded the file's bytes
     * @return {@code channels x height x width} bytes, channel plane by plane
     * @throws CnnClassifierException if the bytes are not an image, or it is too large or of the wrong size
     */
    public byte[] decode(byte[] encoded) {
        return decode(encoded, "the image of " + encoded.length + " bytes");
    }

    /**
     * Converts an image already in memory, as it stands (a {@code BufferedImage} carries no EXIF orientation).
     *
     * @param image the image
     * @param source how messages name it
     * @return {@code channels x height x width} bytes, channel plane by plane
     * @throws CnnClassifierException if it is too large or of the wrong size
     */
    public byte[] decode(BufferedImage image, String source) {
        checkSize(source, image.getHeight(), image.getWidth());
        try {
            return ImageDecoder.decode(image, source, shape, resize);
        } catch (DatasetException e) {
            throw new CnnClassifierException(e.getMessage(), e);
        }
    }

    /** Refuses an image of the wrong size for {@code resize: none}, or too large to decode, before its pixels. */
    private void checkSize(String source, int height, int width) {
        if (resize == ResizeMode.NONE && (height != shape.height() || width != shape.width())) {
            throw new CnnClassifierException(String.format(
                    "%s: image is %dx%d (height x width) but model %s takes %dx%d images and was trained with"
                            + " 'resize: none'; give it %dx%d images, or retrain it with 'resize: stretch' or"
                            + " 'resize: crop' in its model file's 'data' section",
                    source, height, width, model, shape.height(), shape.width(), shape.height(), shape.width()));
        }
        if ((long) height * width > Classifier.MAX_PIXELS) {
            throw new CnnClassifierException(String.format(
                    Locale.ROOT,
                    "%s: image is %dx%d (height x width), over the %,d pixels an image may have; scale it down"
                            + " before classifying it",
                    source,
                    height,
                    width,
                    Classifier.MAX_PIXELS));
        }
    }

    /**
     * Checks an image file's upright size from its header, then decodes it with {@link ImageDecoder}: an image of
     * the wrong size, or a small file that claims a huge image, is refused before its pixels are decoded.
     */
    private byte[] decode(byte[] encoded, String source) {
        // first: it registers the image readers ImageDecoder uses (TwelveMonkeys' JPEG and WebP) for the header read
        boolean swap = ImageDecoder.exifOrientation(encoded) >= 5;
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new CnnClassifierException(source + ": is not a PNG, JPEG, BMP, GIF or WebP image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int height = reader.getHeight(0);
                int width = reader.getWidth(0);
                checkSize(source, swap ? width : height, swap ? height : width);
            } finally {
                reader.dispose();
            }
        } catch (CnnClassifierException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CnnClassifierException(
                    source + ": cannot be decoded as an image (" + e.getMessage()
                            + "); it is damaged or not a PNG, JPEG, BMP, GIF or WebP",
                    e);
        }
        try {
            return ImageDecoder.decode(encoded, source, shape, resize);
        } catch (DatasetException e) {
            throw new CnnClassifierException(e.getMessage(), e);
        }
    }
}

package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one PNG, JPEG, BMP, GIF or WebP file with {@code javax.imageio} into the network's input bytes: grey,
 * colour, palette and 16-bit images; alpha is dropped; CMYK and YCCK JPEG (read by TwelveMonkeys' reader, which the
 * JDK's refuses) are converted to RGB; a JPEG's EXIF orientation is applied, so a phone photo stands as it was shot.
 * Colour becomes grey by luminance ({@code 0.299 R + 0.587 G + 0.114 B}, as Pillow's {@code convert("L")}) when the
 * model takes one channel, and grey is repeated when it takes three. An image of another size (after orientation) is
 * refused, stretched or scaled and centre-cropped as {@link ResizeMode} says.
 *
 * <pre>{@code
 * byte[] pixels = ImageDecoder.decode(Path.of("cat/1.png"), new InputShape(3, 32, 32), ResizeMode.CROP);
 * // 3 x 32 x 32 bytes: the red plane, then green, then blue
 * }</pre>
 */
public final class ImageDecoder {

    static {
        // explicitly, so that the readers serve whichever class loader loaded this class (a Maven plugin's too)
        IIORegistry registry = IIORegistry.getDefaultInstance();
        registry.registerServiceProvider(new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi());
        registry.registerServiceProvider(new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi());
    }

    private ImageDecoder() {}

    /**
     * Decodes a file.
     *
     * @param file the image file
     * @param input the model's input: channels 1 or 3, height and width
     * @param resize what to do when the image's size differs from the input's
     * @return {@code channels x height x width} bytes, channel plane by plane
     * @throws DatasetException if the file cannot be read or decoded, or has another size and {@code resize} is
     *     {@code none}
     */
    public static byte[] decode(Path file, InputShape input, ResizeMode resize) throws DatasetException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new UnreadableImageException(
                    file + ": cannot be read (" + e + "); check that it is there and" + " readable, or remove it");
        }
        return decode(bytes, file.toString(), input, resize);
    }

    /**
     * Decodes an image file's bytes, as {@link #decode(Path, InputShape, ResizeMode)} decodes the file, EXIF
     * orientation included: for an application that classifies uploads as training saw its files.
     *
     * <pre>{@code
     * byte[] pixels = ImageDecoder.decode(upload.readAllBytes(), "upload 3", new InputShape(3, 224, 224), ResizeMode.CROP);
     * }</pre>
     *
     * @param bytes the whole file
     * @param source how messages name it, such as its file
     * @param input the model's input: channels 1 or 3, height and width
     * @param resize what to do when the image's size differs from the input's
     * @return {@code channels x height x width} bytes, channel plane by plane
     * @throws DatasetException if it cannot be decoded ({@link UnreadableImageException}), or has another size and
     *     {@code resize} is {@code none}
     */
    public static byte[] decode(byte[] bytes, String source, InputShape input, ResizeMode resize)
            throws DatasetException {
        return decode(read(source, bytes), ExifOrientation.of(bytes), source, input, resize);
    }

    /**
     * Returns the EXIF orientation a JPEG file's bytes record, which {@link #decode(byte[], String, InputShape,
     * ResizeMode)} applies: for a caller that checks an image's upright size from its header before decoding it.
     * Orientations 5 to 8 swap height and width. Calling it registers the readers this class uses (TwelveMonkeys'
     * JPEG and WebP) with {@code javax.imageio}, so that a header read next finds them.
     *
     * <pre>{@code
     * boolean swap = ImageDecoder.exifOrientation(bytes) >= 5;   // the upright image is reader.getHeight(0) wide
     * }</pre>
     *
     * @param bytes the whole file
     * @return 1 to 8; 1 (upright) when the file is no JPEG or records no valid orientation
     */
    public static int exifOrientation(byte[] bytes) {
        return ExifOrientation.of(bytes);
    }

    /**
     * Decodes an image already read, as {@link #decode(Path, InputShape, ResizeMode)} decodes a file: the one
     * conversion for training, evaluation and an application's images alike.
     *
     * <pre>{@code
     * byte[] pixels = ImageDecoder.decode(ImageIO.read(upload), "upload 3", new InputShape(1, 28, 28), ResizeMode.NONE);
     * }</pre>
     *
     * @param image the image
     * @param source how messages name it, such as its file
     * @param input the model's input: channels 1 or 3, height and width
     * @param resize what to do when the image's size differs from the input's
     * @return {@code channels x height x width} bytes, channel plane by plane
     * @throws DatasetException if it has colour components other than grey or RGB, or another size and
     *     {@code resize} is {@code none}
     */
    public static byte[] decode(BufferedImage image, String source, InputShape input, ResizeMode resize)
            throws DatasetException {
        return decode(image, 1, source, input, resize);
    }

    private static byte[] decode(
            BufferedImage image, int orientation, String source, InputShape input, ResizeMode resize)
            throws DatasetException {
        boolean swap = orientation >= 5;
        int height = swap ? image.getWidth() : image.getHeight();
        int width = swap ? image.getHeight() : image.getWidth();
        if (resize == ResizeMode.NONE && (height != input.height() || width != input.width())) {
            throw new DatasetException(String.format(
                    "%s: image is %dx%d (height x width) but the model input is"
                            + " %dx%d; resize the images, or set 'resize: stretch' or 'resize: crop' in the model file's"
                            + " 'data' section",
                    source, height, width, input.height(), input.width()));
        }
        byte[] planes = ExifOrientation.apply(
                toChannels(planes(source, image), height * width, input.channels()),
                input.channels(),
                image.getHeight(),
                image.getWidth(),
                orientation);
        if (height == input.height() && width == input.width()) {
            return planes;
        }
        return Resampler.resize(
                planes, input.channels(), height, width, input.height(), input.width(), resize == ResizeMode.CROP);
    }

    private static BufferedImage read(String file, byte[] bytes) throws DatasetException {
        BufferedImage image = PlainJpeg.read(bytes);
        if (image != null) {
            return image;
        }
        try {
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException(file + ": cannot be decoded as an image (" + e.getMessage() + "); the"
                    + " file is damaged or not what its extension says: replace it or remove it");
        }
        if (image == null) {
            throw new UnreadableImageException(file + ": is not a PNG, JPEG, BMP, GIF or WebP image although its name"
                    + " says so; replace it or remove it");
        }
        return image;
    }

    /** Returns the image's colour planes at 8 bits: one (grey) or three (red, green, blue). */
    private static byte[] planes(String source, BufferedImage image) throws DatasetException {
        ColorModel model = image.getColorModel();
        int size = image.getWidth() * image.getHeight();
        int colours = model.getNumColorComponents();
        if ((model instanceof ComponentColorModel || model instanceof DirectColorModel)
                && (colours == 1 || colours == 3)) {
            Raster raster = image.getRaster();
            if (raster.getNumBands() == 1
                    && raster.getTransferType() == DataBuffer.TYPE_BYTE
                    && model.getComponentSize(0) == 8) {
                // 8-bit grey without alpha (TYPE_BYTE_GRAY, a grey PNG): its bytes are the plane, copied row by row
                return (byte[]) raster.getDataElements(0, 0, image.getWidth(), image.getHeight(), null);
            }
            byte[] planes = new byte[colours * size];
            if (bytePlanes(model, raster, colours, planes)) {
                return planes;
            }
            int[] samples = new int[size];
            for (int band = 0; band < colours; band++) {
                raster.getSamples(0, 0, image.getWidth(), image.getHeight(), band, samples);
                int bits = model.getComponentSize(band);
                if (bits == 8) { // the rescaling below leaves 8-bit samples as they are; skip its divisions
                    for (int i = 0; i < size; i++) {
                        planes[band * size + i] = (byte) samples[i];
                    }
                    continue;
                }
                long max = (1L << bits) - 1;
                for (int i = 0; i < size; i++) {
                    planes[band * size + i] = (byte) ((samples[i] * 255L + max / 2) / max);
                }
            }
            return planes;
        }
        int[] argb = rgb(source, image).getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] planes = new byte[3 * size];
        for (int i = 0; i < size; i++) {
            planes[i] = (byte) (argb[i] >> 16);
            planes[size + i] = (byte) (argb[i] >> 8);
            planes[2 * size + i] = (byte) argb[i];
        }
        return planes;
    }

    /**
     * Copies the colour bands of a raster of 8-bit samples in one byte array (the JPEG reader's
     * {@code TYPE_3BYTE_BGR}, a PNG's RGB or RGBA, grey with alpha) straight into planes, where
     * {@link Raster#getSamples} would copy each sample through an {@code int}.
     *
     * @return {@code false}, with {@code planes} untouched, for a raster of another kind
     */
    private static boolean bytePlanes(ColorModel model, Raster raster, int colours, byte[] planes) {
        if (!(model instanceof ComponentColorModel)
                || !(raster.getSampleModel() instanceof ComponentSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)) {
            return false;
        }
        for (int band = 0; band < colours; band++) {
            if (model.getComponentSize(band) != 8) {
                return false;
            }
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        int size = width * height;
        int stride = layout.getPixelStride();
        int scanline = layout.getScanlineStride();
        int x0 = raster.getMinX() - raster.getSampleModelTranslateX();
        int y0 = raster.getMinY() - raster.getSampleModelTranslateY();
        for (int band = 0; band < colours; band++) {
            int bank = layout.getBankIndices()[band];
            byte[] data = buffer.getData(bank);
            int origin = buffer.getOffsets()[bank] + layout.getBandOffsets()[band];
            int at = band * size;
            for (int y = 0; y < height; y++) {
                int from = origin + (y0 + y) * scanline + x0 * stride;
                for (int x = 0; x < width; x++) {
                    planes[at++] = data[from + x * stride];
                }
            }
        }
        return true;
    }

    /**
     * Returns the image with sRGB colours: a palette image as it is, a CMYK or other image converted by its colour
     * profile.
     */
    private static BufferedImage rgb(String source, BufferedImage image) throws UnreadableImageException {
        ColorModel model = image.getColorModel();
        if (model instanceof IndexColorModel || model.getColorSpace().isCS_sRGB()) {
            return image;
        }
        try {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            return new ColorConvertOp(null).filter(image, rgb);
        } catch (RuntimeException e) {
            throw new UnreadableImageException(source + ": its " + model.getNumColorComponents() + " colour"
                    + " components cannot be converted to RGB (" + e.getMessage() + "); save it as RGB");
        }
    }

    /**
     * Converts one image's planes to {@code channels}: colour to grey by luminance, grey repeated to three.
     *
     * @param planes one or three planes of {@code size} bytes
     * @param size bytes per plane
     * @param channels 1 or 3
     * @return the planes, the same array when nothing changes
     */
    static byte[] toChannels(byte[] planes, int size, int channels) {
        int have = planes.length / size;
        if (have == channels) {
            return planes;
        }
        byte[] converted = new byte[channels * size];
        if (channels == 1) {
            for (int i = 0; i < size; i++) {
                double grey = 0.299 * (planes[i] & 0xFF)
                        + 0.587 * (planes[size + i] & 0xFF)
                        + 0.114 * (planes[2 * size + i] & 0xFF);
                converted[i] = (byte) Math.round(grey);
            }
        } else {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(planes, 0, converted, c * size, size);
            }
        }
        return converted;
    }
}

package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes one PNG, JPEG, BMP or GIF file with {@code javax.imageio} into the network's input bytes: grey, colour,
 * palette and 16-bit images; alpha is dropped. Colour becomes grey by luminance ({@code 0.299 R + 0.587 G + 0.114 B},
 * as Pillow's {@code convert("L")}) when the model takes one channel, and grey is repeated when it takes three. An
 * image of another size is refused, stretched or scaled and centre-cropped as {@link ResizeMode} says.
 *
 * <pre>{@code
 * byte[] pixels = ImageDecoder.decode(Path.of("cat/1.png"), new InputShape(3, 32, 32), ResizeMode.CROP);
 * // 3 x 32 x 32 bytes: the red plane, then green, then blue
 * }</pre>
 */
public final class ImageDecoder {

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
        return decode(read(file), file.toString(), input, resize);
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
        int height = image.getHeight();
        int width = image.getWidth();
        if (resize == ResizeMode.NONE && (height != input.height() || width != input.width())) {
            throw new DatasetException(String.format(
                    "%s: image is %dx%d (height x width) but the model input is"
                            + " %dx%d; resize the images, or set 'resize: stretch' or 'resize: crop' in the model file's"
                            + " 'data' section",
                    source, height, width, input.height(), input.width()));
        }
        byte[] planes = toChannels(planes(source, image), height * width, input.channels());
        if (height == input.height() && width == input.width()) {
            return planes;
        }
        return Resampler.resize(
                planes, input.channels(), height, width, input.height(), input.width(), resize == ResizeMode.CROP);
    }

    private static BufferedImage read(Path file) throws DatasetException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException(file + ": cannot be decoded as an image (" + e.getMessage() + "); the"
                    + " file is damaged or not what its extension says: replace it or remove it");
        }
        if (image == null) {
            throw new UnreadableImageException(file + ": is not a PNG, JPEG, BMP or GIF image although its name says"
                    + " so; replace it or remove it");
        }
        return image;
    }

    /** Returns the image's colour planes at 8 bits: one (grey) or three (red, green, blue). */
    private static byte[] planes(String source, BufferedImage image) throws DatasetException {
        ColorModel model = image.getColorModel();
        int size = image.getWidth() * image.getHeight();
        if (model instanceof ComponentColorModel || model instanceof DirectColorModel) {
            int colours = model.getNumColorComponents();
            if (colours != 1 && colours != 3) {
                throw new UnreadableImageException(source + ": has " + colours + " colour components, but only grey"
                        + " and RGB images are read; save it as RGB");
            }
            Raster raster = image.getRaster();
            byte[] planes = new byte[colours * size];
            int[] samples = new int[size];
            for (int band = 0; band < colours; band++) {
                raster.getSamples(0, 0, image.getWidth(), image.getHeight(), band, samples);
                long max = (1L << model.getComponentSize(band)) - 1;
                for (int i = 0; i < size; i++) {
                    planes[band * size + i] = (byte) ((samples[i] * 255L + max / 2) / max);
                }
            }
            return planes;
        }
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] planes = new byte[3 * size];
        for (int i = 0; i < size; i++) {
            planes[i] = (byte) (argb[i] >> 16);
            planes[size + i] = (byte) (argb[i] >> 8);
            planes[2 * size + i] = (byte) argb[i];
        }
        return planes;
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

package dev.cnnbuild.core.data;

/**
 * Images as unsigned bytes, one per channel value: {@code count} images of {@code channels x height x width},
 * stored channel plane by channel plane (the layout of a tensor), image after image. IDX images have one channel;
 * decoded colour images three (red, green, blue).
 *
 * <pre>{@code
 * ImageSet images = IdxReader.readImages(Path.of("t10k-images-idx3-ubyte.gz"));
 * int firstPixel = images.pixel(0, 0, 0);        // 0..255
 * int red = colour.pixel(0, 0, 5, 7);             // image 0, channel 0 (red), row 5, column 7
 * }</pre>
 *
 * @param count number of images
 * @param channels values per pixel: 1 (grey) or 3 (red, green, blue)
 * @param height rows per image
 * @param width columns per image
 * @param pixels {@code count * channels * height * width} bytes, read as unsigned
 */
public record ImageSet(int count, int channels, int height, int width, byte[] pixels) {

    /** Checks that the pixel array holds exactly {@code count * channels * height * width} bytes. */
    public ImageSet {
        if (channels < 1 || (long) count * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) count * channels * height * width + " pixels of "
                    + channels + " channels but got " + pixels.length);
        }
    }

    /**
     * Grey images: one channel.
     *
     * @param count number of images
     * @param height rows per image
     * @param width columns per image
     * @param pixels {@code count * height * width} bytes
     */
    public ImageSet(int count, int height, int width, byte[] pixels) {
        this(count, 1, height, width, pixels);
    }

    /** Returns the values of one image: {@code channels * height * width} bytes. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Returns one pixel of the first channel as an unsigned value 0..255. */
    public int pixel(int image, int row, int column) {
        return pixel(image, 0, row, column);
    }

    /** Returns one value of one channel as an unsigned value 0..255. */
    public int pixel(int image, int channel, int row, int column) {
        return pixels[image * imageSize() + (channel * height + row) * width + column] & 0xFF;
    }

    /**
     * Returns the images with {@code channels} channels: colour becomes grey by luminance
     * ({@code 0.299 R + 0.587 G + 0.114 B}), grey is repeated to three channels; the same set when it has them.
     *
     * <pre>{@code
     * ImageSet forAColourModel = greyImages.withChannels(3);
     * }</pre>
     *
     * @param channels 1 or 3
     * @return the converted images
     */
    public ImageSet withChannels(int channels) {
        if (channels == this.channels) {
            return this;
        }
        int plane = height * width;
        byte[] converted = new byte[count * channels * plane];
        for (int i = 0; i < count; i++) {
            byte[] one = new byte[imageSize()];
            System.arraycopy(pixels, i * imageSize(), one, 0, one.length);
            System.arraycopy(
                    ImageDecoder.toChannels(one, plane, channels),
                    0,
                    converted,
                    i * channels * plane,
                    channels * plane);
        }
        return new ImageSet(count, channels, height, width, converted);
    }

    /** Returns the first {@code n} images. */
    public ImageSet first(int n) {
        byte[] head = new byte[n * imageSize()];
        System.arraycopy(pixels, 0, head, 0, head.length);
        return new ImageSet(n, channels, height, width, head);
    }

    /** Returns the images at the given positions, in that order. */
    public ImageSet select(int[] indices) {
        int size = imageSize();
        byte[] picked = new byte[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, picked, i * size, size);
        }
        return new ImageSet(indices.length, channels, height, width, picked);
    }
}

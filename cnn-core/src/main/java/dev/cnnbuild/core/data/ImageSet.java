package dev.cnnbuild.core.data;

/**
 * Grey-scale images as read from an IDX file: {@code count} images of {@code height x width} unsigned bytes,
 * stored row by row, image after image.
 *
 * <pre>{@code
 * ImageSet images = IdxReader.readImages(Path.of("t10k-images-idx3-ubyte.gz"));
 * int firstPixel = images.pixel(0, 0, 0); // 0..255
 * }</pre>
 *
 * @param count number of images
 * @param height rows per image
 * @param width columns per image
 * @param pixels {@code count * height * width} bytes, read as unsigned
 */
public record ImageSet(int count, int height, int width, byte[] pixels) {

    /** Checks that the pixel array holds exactly {@code count * height * width} bytes. */
    public ImageSet {
        if ((long) count * height * width != pixels.length) {
            throw new IllegalArgumentException(
                    "expected " + (long) count * height * width + " pixels but got " + pixels.length);
        }
    }

    /** Returns the pixels of one image: {@code height * width} bytes. */
    public int imageSize() {
        return height * width;
    }

    /** Returns one pixel as an unsigned value 0..255. */
    public int pixel(int image, int row, int column) {
        return pixels[image * imageSize() + row * width + column] & 0xFF;
    }

    /** Returns the first {@code n} images. */
    public ImageSet first(int n) {
        byte[] head = new byte[n * imageSize()];
        System.arraycopy(pixels, 0, head, 0, head.length);
        return new ImageSet(n, height, width, head);
    }

    /** Returns the images at the given positions, in that order. */
    public ImageSet select(int[] indices) {
        int size = imageSize();
        byte[] picked = new byte[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, picked, i * size, size);
        }
        return new ImageSet(indices.length, height, width, picked);
    }
}

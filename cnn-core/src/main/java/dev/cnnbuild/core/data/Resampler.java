package dev.cnnbuild.core.data;

/**
 * Resizes channel planes of bytes: bilinear sampling at pixel centres (as Pillow and torchvision do), after averaging
 * whole blocks of pixels when shrinking by two or more, so that small images of large photos do not alias.
 */
final class Resampler {

    private Resampler() {}

    /**
     * Resizes planes to {@code toHeight x toWidth}.
     *
     * @param planes {@code channels} planes of {@code height x width} bytes
     * @param crop {@code false} to stretch; {@code true} to scale so that the image covers the target, keeping its
     *     aspect ratio, and take the centre
     * @return {@code channels} planes of {@code toHeight x toWidth} bytes
     */
    static byte[] resize(byte[] planes, int channels, int height, int width, int toHeight, int toWidth, boolean crop) {
        double scaleY = (double) toHeight / height;
        double scaleX = (double) toWidth / width;
        if (crop) {
            scaleY = Math.max(scaleY, scaleX);
            scaleX = scaleY;
        }
        int block = (int) Math.floor(1 / Math.max(scaleY, scaleX));
        if (block >= 2) {
            planes = shrink(planes, channels, height, width, block);
            height /= block;
            width /= block;
            scaleY *= block;
            scaleX *= block;
        }
        double offsetY = (height * scaleY - toHeight) / 2;
        double offsetX = (width * scaleX - toWidth) / 2;
        byte[] resized = new byte[channels * toHeight * toWidth];
        for (int c = 0; c < channels; c++) {
            int from = c * height * width;
            int to = c * toHeight * toWidth;
            for (int y = 0; y < toHeight; y++) {
                double sourceY = clamp((y + 0.5 + offsetY) / scaleY - 0.5, height - 1);
                int y0 = (int) sourceY;
                int y1 = Math.min(y0 + 1, height - 1);
                double fy = sourceY - y0;
                for (int x = 0; x < toWidth; x++) {
                    double sourceX = clamp((x + 0.5 + offsetX) / scaleX - 0.5, width - 1);
                    int x0 = (int) sourceX;
                    int x1 = Math.min(x0 + 1, width - 1);
                    double fx = sourceX - x0;
                    double top = value(planes, from + y0 * width + x0) * (1 - fx)
                            + value(planes, from + y0 * width + x1) * fx;
                    double bottom = value(planes, from + y1 * width + x0) * (1 - fx)
                            + value(planes, from + y1 * width + x1) * fx;
                    resized[to + y * toWidth + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return resized;
    }

    private static byte[] shrink(byte[] planes, int channels, int height, int width, int block) {
        int toHeight = height / block;
        int toWidth = width / block;
        byte[] shrunk = new byte[channels * toHeight * toWidth];
        int area = block * block;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < toHeight; y++) {
                for (int x = 0; x < toWidth; x++) {
                    int sum = 0;
                    for (int dy = 0; dy < block; dy++) {
                        int row = c * height * width + (y * block + dy) * width + x * block;
                        for (int dx = 0; dx < block; dx++) {
                            sum += planes[row + dx] & 0xFF;
                        }
                    }
                    shrunk[c * toHeight * toWidth + y * toWidth + x] = (byte) ((sum + area / 2) / area);
                }
            }
        }
        return shrunk;
    }

    private static double clamp(double value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    private static int value(byte[] planes, int index) {
        return planes[index] & 0xFF;
    }
}

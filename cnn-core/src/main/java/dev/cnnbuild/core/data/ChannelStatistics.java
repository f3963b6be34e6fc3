package dev.cnnbuild.core.data;

/**
 * The mean and standard deviation of every channel over a set of images, on the {@code [0, 1]} pixel scale: what
 * {@code data.normalize: auto} normalises with. The standard deviation is the population's, as torchvision recipes
 * compute it.
 *
 * <pre>{@code
 * ChannelStatistics stats = ChannelStatistics.of(train.images());
 * stats.mean()[0];   // 0.1307 for MNIST's training set
 * }</pre>
 *
 * @param mean per channel
 * @param std per channel
 */
public record ChannelStatistics(double[] mean, double[] std) {

    /**
     * Computes the statistics.
     *
     * @param images the images
     * @return one mean and standard deviation per channel
     * @throws DatasetException if a channel has the same value everywhere, so it cannot be divided by its deviation
     */
    public static ChannelStatistics of(ImageSet images) throws DatasetException {
        int channels = images.channels();
        int plane = images.height() * images.width();
        double[] mean = new double[channels];
        double[] std = new double[channels];
        byte[] pixels = images.pixels();
        for (int c = 0; c < channels; c++) {
            long sum = 0;
            long squares = 0;
            for (int i = 0; i < images.count(); i++) {
                int from = i * images.imageSize() + c * plane;
                for (int p = from; p < from + plane; p++) {
                    int value = pixels[p] & 0xFF;
                    sum += value;
                    squares += (long) value * value;
                }
            }
            double n = (double) images.count() * plane;
            double m = sum / n;
            mean[c] = m / 255;
            std[c] = Math.sqrt(Math.max(0, squares / n - m * m)) / 255;
            if (!(std[c] > 0)) {
                throw new DatasetException("channel " + c + " of the training images has the same value everywhere,"
                        + " so 'normalize: auto' cannot divide by its deviation; give fixed figures,"
                        + " normalize: {mean: [..], std: [..]}, or remove 'normalize'");
            }
        }
        return new ChannelStatistics(mean, std);
    }
}

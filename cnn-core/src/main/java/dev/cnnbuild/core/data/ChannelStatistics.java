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
        return of(new HeapImageStore(new LabeledImages(images, new int[images.count()])));
    }

    /**
     * Computes the statistics reading one image at a time, so that the images need not fit the memory.
     *
     * <pre>{@code
     * ChannelStatistics stats = ChannelStatistics.of(trainStore);
     * }</pre>
     *
     * @param images the images
     * @return one mean and standard deviation per channel
     * @throws DatasetException if an image cannot be read, or a channel has the same value everywhere
     */
    public static ChannelStatistics of(ImageStore images) throws DatasetException {
        int channels = images.channels();
        int plane = images.height() * images.width();
        double[] mean = new double[channels];
        double[] std = new double[channels];
        long[] sums = new long[channels];
        long[] squareSums = new long[channels];
        byte[] pixels = new byte[images.imageSize()];
        for (int i = 0; i < images.count(); i++) {
            images.read(i, pixels, 0);
            for (int c = 0; c < channels; c++) {
                long sum = 0;
                long squares = 0;
                for (int p = c * plane; p < (c + 1) * plane; p++) {
                    int value = pixels[p] & 0xFF;
                    sum += value;
                    squares += (long) value * value;
                }
                sums[c] += sum;
                squareSums[c] += squares;
            }
        }
        for (int c = 0; c < channels; c++) {
            long sum = sums[c];
            long squares = squareSums[c];
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

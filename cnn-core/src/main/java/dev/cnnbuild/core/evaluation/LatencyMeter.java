package dev.cnnbuild.core.evaluation;

import dev.cnnbuild.core.data.ImageSet;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures inference latency: runs a batch a few times untimed, so that the engine has allocated and chosen its
 * kernels, then times each of the following runs and reports the median.
 *
 * <pre>{@code
 * Latency perImage = LatencyMeter.measure(classifier, testSet.images(), 1, 5, 25);
 * Latency perBatch = LatencyMeter.measure(classifier, testSet.images(), 64, 5, 25);
 * }</pre>
 */
public final class LatencyMeter {

    private LatencyMeter() {}

    /**
     * Measures the latency of classifying a batch made of the first {@code batchSize} images (repeated if there are
     * fewer).
     *
     * @param classifier the network
     * @param images at least one image of the network's input size
     * @param batchSize images per run, at least one
     * @param warmUpRuns untimed runs first
     * @param runs timed runs, at least one
     * @return the measured latency
     * @throws IllegalArgumentException if there is no image, or the batch size or run count is below one
     */
    public static Latency measure(
            ImageClassifier classifier, ImageSet images, int batchSize, int warmUpRuns, int runs) {
        if (images.count() == 0 || batchSize < 1 || runs < 1 || warmUpRuns < 0) {
            throw new IllegalArgumentException("latency needs images, a batch size and runs of at least one, got "
                    + images.count() + " images, batch size " + batchSize + ", " + runs + " runs");
        }
        ImageSet batch = batchOf(images, batchSize);
        for (int i = 0; i < warmUpRuns; i++) {
            classifier.classify(batch, 0, batchSize);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            classifier.classify(batch, 0, batchSize);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long median = runs % 2 == 1 ? nanos[runs / 2] : (nanos[runs / 2 - 1] + nanos[runs / 2]) / 2;
        return new Latency(
                batchSize,
                warmUpRuns,
                runs,
                Duration.ofNanos(median),
                Duration.ofNanos(nanos[0]),
                Duration.ofNanos(nanos[runs - 1]));
    }

    private static ImageSet batchOf(ImageSet images, int batchSize) {
        if (images.count() >= batchSize) {
            return images.first(batchSize);
        }
        int size = images.imageSize();
        byte[] pixels = new byte[batchSize * size];
        for (int i = 0; i < batchSize; i++) {
            System.arraycopy(images.pixels(), (i % images.count()) * size, pixels, i * size, size);
        }
        return new ImageSet(batchSize, images.channels(), images.height(), images.width(), pixels);
    }
}

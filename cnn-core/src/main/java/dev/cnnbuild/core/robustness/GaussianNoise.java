package dev.cnnbuild.core.robustness;

import dev.cnnbuild.core.data.ImageSet;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Adds Gaussian noise to every pixel: a normal sample of standard deviation {@code sigma}, on the {@code [0, 1]}
 * pixel scale (sigma 0.1 is about 25 grey levels), then rounds and clips to {@code 0..255}. The samples come from
 * {@link Random} seeded with {@code seed}, whose sequence Java specifies, so every JVM adds the same noise.
 *
 * <pre>{@code
 * ImageSet noisy = new GaussianNoise(0.1, 42).apply(testSet.images());
 * }</pre>
 *
 * @param sigma the standard deviation on the {@code [0, 1]} scale; not negative
 * @param seed the seed of the noise
 */
public record GaussianNoise(double sigma, long seed) implements ImagePerturbation {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    /**
     * Checks sigma.
     *
     * @param sigma the standard deviation on the {@code [0, 1]} scale
     * @param seed the seed of the noise
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public GaussianNoise {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be finite and not negative, got " + sigma);
        }
    }

    /** Returns noise of standard deviation {@code sigma} with the {@link #DEFAULT_SEED}. */
    public static GaussianNoise of(double sigma) {
        return new GaussianNoise(sigma, DEFAULT_SEED);
    }

    @Override
    public ImageSet apply(ImageSet images) {
        return inBatches().apply(images);
    }

    /** Draws the noise of consecutive batches from one random sequence, as {@link #apply} draws it for a set. */
    @Override
    public UnaryOperator<ImageSet> inBatches() {
        Random random = new Random(seed);
        return images -> noisy(images, random);
    }

    private ImageSet noisy(ImageSet images, Random random) {
        byte[] source = images.pixels();
        byte[] noisy = new byte[source.length];
        double scale = sigma * 255;
        for (int i = 0; i < source.length; i++) {
            long value = Math.round((source[i] & 0xFF) + random.nextGaussian() * scale);
            noisy[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return new ImageSet(images.count(), images.channels(), images.height(), images.width(), noisy);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Gaussian noise of sigma %.4f (seed %d)", sigma, seed);
    }
}

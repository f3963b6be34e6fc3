package dev.cnnbuild.core.robustness;

import dev.cnnbuild.core.data.ImageSet;

/**
 * A deterministic change to every image of a set, to measure how a model copes with inputs a little unlike its
 * test set: {@link GaussianNoise} or a {@link PixelShift}. Equal perturbations change images equally, so they can
 * key a cache of evaluations.
 *
 * <pre>{@code
 * ImagePerturbation noise = new GaussianNoise(0.1, 42);
 * ImageSet noisy = noise.apply(testSet.images());
 * }</pre>
 */
public sealed interface ImagePerturbation permits GaussianNoise, PixelShift {

    /**
     * Returns perturbed copies of the images; the given set is left as it is.
     *
     * @param images the images
     * @return the perturbed images, as many and of the same size
     */
    ImageSet apply(ImageSet images);

    /** Returns what the perturbation does, in words for a message: {@code "Gaussian noise of sigma 0.1000"}. */
    String describe();
}

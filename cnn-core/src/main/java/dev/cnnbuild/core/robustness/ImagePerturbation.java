package dev.cnnbuild.core.robustness;

import dev.cnnbuild.core.data.ImageSet;
import java.util.function.UnaryOperator;

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

    /**
     * Returns a fresh perturbation of one set's images batch after batch: given the set's batches in order, it
     * returns what {@link #apply} returns for the set whole, so a set need not be held whole to be perturbed
     * ({@link PerturbedImageStore}).
     *
     * <pre>{@code
     * UnaryOperator<ImageSet> inBatches = noise.inBatches();
     * ImageSet first = inBatches.apply(store.gather(new int[] {0, 1}));
     * ImageSet second = inBatches.apply(store.gather(new int[] {2, 3}));
     * }</pre>
     *
     * @return the perturbation of consecutive batches, to be used for one pass over one set
     */
    UnaryOperator<ImageSet> inBatches();

    /** Returns what the perturbation does, in words for a message: {@code "Gaussian noise of sigma 0.1000"}. */
    String describe();
}

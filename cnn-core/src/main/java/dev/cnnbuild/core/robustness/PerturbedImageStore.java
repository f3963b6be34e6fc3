package dev.cnnbuild.core.robustness;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ForwardingImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import java.util.function.UnaryOperator;

/**
 * A store's images perturbed as they are read, batch by batch, so a robustness check holds one batch, not the set:
 * read once from the first image to the last, in consecutive batches (as an evaluation pass reads), it gives what
 * {@link ImagePerturbation#apply} gives the set whole. Any other order is refused, as Gaussian noise drawn out of
 * order would differ. Closing it leaves the underlying store open.
 *
 * <pre>{@code
 * Evaluation noisy = classifier.evaluate(new PerturbedImageStore(testStore, GaussianNoise.of(0.1)), 1000);
 * }</pre>
 */
public final class PerturbedImageStore extends ForwardingImageStore {
    private final UnaryOperator<ImageSet> perturbation;
    private int next;

    /**
     * Perturbs a store's images.
     *
     * @param images the images, read in order
     * @param perturbation what is done to them
     */
    public PerturbedImageStore(ImageStore images, ImagePerturbation perturbation) {
        super(images);
        this.perturbation = perturbation.inBatches();
    }

    @Override
    public void read(int index, byte[] target, int offset) throws DatasetException {
        System.arraycopy(gather(new int[] {index}).pixels(), 0, target, offset, imageSize());
    }

    /**
     * Reads and perturbs the next batch.
     *
     * @param indices the images following the last batch read, in order
     * @param into where the perturbed bytes go
     * @throws IllegalStateException if they do not follow it
     */
    @Override
    public ImageSet gather(int[] indices, byte[] into) throws DatasetException {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] != next + i) {
                throw new IllegalStateException("perturbed images are read once, in order: image " + (next + i)
                        + " comes next, not " + indices[i]);
            }
        }
        ImageSet batch = images().gather(indices, into);
        next += indices.length;
        byte[] perturbed = perturbation.apply(batch).pixels();
        if (perturbed != into) {
            System.arraycopy(perturbed, 0, into, 0, into.length);
        }
        return batch;
    }
}

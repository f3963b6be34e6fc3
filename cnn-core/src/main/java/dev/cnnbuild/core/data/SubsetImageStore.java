package dev.cnnbuild.core.data;

import java.util.Optional;

/**
 * Some images of another {@link ImageStore}, in a given order, without copying their bytes: the training images
 * left after a validation split, for instance. Closing it leaves the other store open.
 *
 * <pre>{@code
 * ImageStore evenOnes = store.subset(new int[] {0, 2, 4});
 * evenOnes.label(1);   // store.label(2)
 * }</pre>
 *
 * @param base the store the images are in
 * @param indices the images' positions in {@code base}
 */
public record SubsetImageStore(ImageStore base, int[] indices) implements ImageStore {

    /** Copies the positions. */
    public SubsetImageStore {
        indices = indices.clone();
    }

    @Override
    public int count() {
        return indices.length;
    }

    @Override
    public int channels() {
        return base.channels();
    }

    @Override
    public int height() {
        return base.height();
    }

    @Override
    public int width() {
        return base.width();
    }

    @Override
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public Optional<String> fileName(int index) {
        return base.fileName(indices[index]);
    }

    @Override
    public void read(int index, byte[] target, int offset) throws DatasetException {
        base.read(indices[index], target, offset);
    }
}

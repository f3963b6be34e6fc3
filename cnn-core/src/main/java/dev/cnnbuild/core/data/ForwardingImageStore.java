package dev.cnnbuild.core.data;

import java.util.Optional;

/**
 * A store that hands every call to another store, for a store that changes only some of them, such as one that
 * perturbs its images as they are read. Its {@link #gather} is the interface's own, which reads image by image
 * through {@link #read}, so a subclass that changes {@code read} changes what batches hold too. Closing it leaves
 * the other store open.
 *
 * <pre>{@code
 * ImageStore inverted = new ForwardingImageStore(test) {
 *     @Override
 *     public void read(int index, byte[] target, int offset) throws DatasetException {
 *         super.read(index, target, offset);
 *         for (int i = offset; i < offset + imageSize(); i++) {
 *             target[i] = (byte) ~target[i];
 *         }
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingImageStore implements ImageStore {
    private final ImageStore images;

    /**
     * Forwards to a store.
     *
     * @param images the store every call goes to
     */
    protected ForwardingImageStore(ImageStore images) {
        this.images = images;
    }

    @Override
    public int count() {
        return images.count();
    }

    @Override
    public int channels() {
        return images.channels();
    }

    @Override
    public int height() {
        return images.height();
    }

    @Override
    public int width() {
        return images.width();
    }

    @Override
    public int label(int index) {
        return images.label(index);
    }

    @Override
    public Optional<String> fileName(int index) {
        return images.fileName(index);
    }

    @Override
    public int[] labels() {
        return images.labels();
    }

    @Override
    public void read(int index, byte[] target, int offset) throws DatasetException {
        images.read(index, target, offset);
    }

    /**
     * Returns the store every call goes to.
     *
     * @return the other store
     */
    protected ImageStore images() {
        return images;
    }
}

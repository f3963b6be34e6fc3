package dev.cnnbuild.core.data;

import java.util.Optional;

/**
 * An {@link ImageStore} over images held in the heap: IDX data, a small set decoded at once, a test's images.
 *
 * <pre>{@code
 * ImageStore store = new HeapImageStore(DatasetLoader.load(spec.data().test(), spec.input(), spec.classes()));
 * }</pre>
 *
 * @param images the images and their labels
 */
public record HeapImageStore(LabeledImages images) implements ImageStore {

    @Override
    public int count() {
        return images.size();
    }

    @Override
    public int channels() {
        return images.images().channels();
    }

    @Override
    public int height() {
        return images.images().height();
    }

    @Override
    public int width() {
        return images.images().width();
    }

    @Override
    public int label(int index) {
        return images.labels()[index];
    }

    @Override
    public Optional<String> fileName(int index) {
        return images.fileName(index);
    }

    @Override
    public void read(int index, byte[] target, int offset) {
        int size = imageSize();
        System.arraycopy(images.images().pixels(), index * size, target, offset, size);
    }

    @Override
    public int[] labels() {
        return images.labels().clone();
    }
}

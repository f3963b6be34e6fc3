package dev.cnnbuild.core.data;

/**
 * Images with one label each, already checked against a model's input shape and class count.
 *
 * <pre>{@code
 * LabeledImages test = DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
 * int label = test.labels()[0];
 * }</pre>
 *
 * @param images the images
 * @param labels one class index per image
 */
public record LabeledImages(ImageSet images, int[] labels) {

    /** Checks that there is exactly one label per image. */
    public LabeledImages {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels");
        }
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /** Returns the first {@code n} images and their labels. */
    public LabeledImages first(int n) {
        int[] head = new int[n];
        System.arraycopy(labels, 0, head, 0, n);
        return new LabeledImages(images.first(n), head);
    }

    /**
     * Returns the images at the given positions, in that order, with their labels.
     *
     * <pre>{@code
     * LabeledImages evenOnes = train.select(new int[] {0, 2, 4});
     * }</pre>
     */
    public LabeledImages select(int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = labels[indices[i]];
        }
        return new LabeledImages(images.select(indices), picked);
    }
}

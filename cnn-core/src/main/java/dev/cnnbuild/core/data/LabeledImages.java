package dev.cnnbuild.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Images with one label each, already checked against a model's input shape and class count, and the name of each
 * image's file where they come from files (so that a report can name a misclassified image as the user finds it).
 *
 * <pre>{@code
 * LabeledImages test = DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
 * int label = test.labels()[0];
 * test.fileName(0);   // empty for IDX data; "cat/1.png" for an image folder
 * }</pre>
 *
 * @param images the images
 * @param labels one class index per image
 * @param fileNames one file name per image, relative to its data folder or CSV file's folder as
 *     {@link LabeledFile#key} says; empty when the images come from IDX files, which have none
 */
public record LabeledImages(ImageSet images, int[] labels, List<String> fileNames) {

    /** Checks that there is exactly one label per image, and one file name per image or none at all. */
    public LabeledImages {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels");
        }
        fileNames = List.copyOf(fileNames);
        if (!fileNames.isEmpty() && fileNames.size() != labels.length) {
            throw new IllegalArgumentException(labels.length + " images but " + fileNames.size() + " file names");
        }
    }

    /**
     * Images that come from no files, such as IDX data or a perturbed copy.
     *
     * @param images the images
     * @param labels one class index per image
     */
    public LabeledImages(ImageSet images, int[] labels) {
        this(images, labels, List.of());
    }

    /** Returns the name of image {@code index}'s file, or empty where the images come from no files. */
    public Optional<String> fileName(int index) {
        return fileNames.isEmpty() ? Optional.empty() : Optional.of(fileNames.get(index));
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /** Returns the first {@code n} images and their labels. */
    public LabeledImages first(int n) {
        int[] head = new int[n];
        System.arraycopy(labels, 0, head, 0, n);
        return new LabeledImages(images.first(n), head, fileNames.isEmpty() ? fileNames : fileNames.subList(0, n));
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
        List<String> pickedNames = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            picked[i] = labels[indices[i]];
            fileName(indices[i]).ifPresent(pickedNames::add);
        }
        return new LabeledImages(images.select(indices), picked, pickedNames);
    }
}

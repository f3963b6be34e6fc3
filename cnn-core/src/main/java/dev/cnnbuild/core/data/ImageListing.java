package dev.cnnbuild.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The image files of one data set with their classes, before decoding: what a class folder or a CSV file lists.
 *
 * <pre>{@code
 * ImageListing train = ImageFolderListing.list(Path.of("images/train"));
 * train.classNames();   // [cat, dog]
 * train.skipped();      // 1 (README.txt)
 * }</pre>
 *
 * @param root the set's folder or CSV file
 * @param classNames the class names, in label order
 * @param files the image files, sorted by key
 * @param skipped the files that are not images (by extension), by key
 */
public record ImageListing(Path root, List<String> classNames, List<LabeledFile> files, List<String> skipped) {

    /** Copies the lists. */
    public ImageListing {
        classNames = List.copyOf(classNames);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    /** Returns the files whose key is in {@code keys}, in this listing's order. */
    public ImageListing only(Set<String> keys) {
        return new ImageListing(
                root,
                classNames,
                files.stream().filter(f -> keys.contains(f.key())).toList(),
                List.of());
    }

    /** Returns the same files with the same classes, but the given files. */
    ImageListing withFiles(List<LabeledFile> kept) {
        return new ImageListing(root, classNames, kept, skipped);
    }
}

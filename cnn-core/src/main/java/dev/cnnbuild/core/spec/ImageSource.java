package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where labelled image files are: a training and a test set, or one set of which a seeded, stratified share is held
 * out for testing ({@code testSplit}). Paths are resolved against the model file's folder.
 *
 * <pre>{@code
 * data:
 *   format: folder
 *   train: {dir: images/train}
 *   test: {dir: images/test}
 * # or one folder, a fifth of each class held out for testing:
 * data:
 *   format: folder
 *   dir: images
 *   testSplit: 0.2
 * }</pre>
 *
 * @param layout folder or CSV
 * @param train the training set's folder or CSV file (with a {@code testSplit}: the whole set's)
 * @param test the test set's folder or CSV file; empty when {@code testSplit} holds out the test set
 * @param testSplit the share of each class held out for testing, above 0 and below 1; 0 with a separate test set
 */
public record ImageSource(ImageLayout layout, Path train, Optional<Path> test, double testSplit) {

    /**
     * Checks that exactly one of a test set and a test split is given.
     *
     * @throws IllegalArgumentException if both or neither are given, or the split is not a share
     */
    public ImageSource {
        if (test.isPresent() == testSplit > 0 || testSplit < 0 || testSplit >= 1) {
            throw new IllegalArgumentException(
                    "give a test set or a test split between 0 and 1, not " + test + " and " + testSplit);
        }
    }

    /** Returns whether the test set is held out of {@link #train()} by {@link #testSplit()}. */
    public boolean heldOut() {
        return test.isEmpty();
    }
}

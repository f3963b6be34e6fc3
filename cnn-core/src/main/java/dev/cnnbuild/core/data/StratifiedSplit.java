package dev.cnnbuild.core.data;

import dev.cnnbuild.core.text.Counted;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Holds out the same share of every class for testing, seeded: each class's files, in key order, are shuffled with
 * one {@link Random} of the seed, and the first {@code round(share x count)} go to the test set.
 *
 * <pre>{@code
 * List<LabeledFile> test = StratifiedSplit.heldOut(all, 0.2, 42);   // a fifth of each class
 * }</pre>
 */
final class StratifiedSplit {

    private StratifiedSplit() {}

    /**
     * Returns the held-out files, in the listing's order.
     *
     * @throws DatasetException if the share leaves a class without test images or without training images
     */
    static List<LabeledFile> heldOut(ImageListing all, double share, long seed) throws DatasetException {
        Random random = new Random(seed);
        List<LabeledFile> heldOut = new ArrayList<>();
        for (int label = 0; label < all.classNames().size(); label++) {
            int wanted = label;
            List<LabeledFile> files = new ArrayList<>(
                    all.files().stream().filter(f -> f.label() == wanted).toList());
            Collections.shuffle(files, random);
            int count = (int) Math.round(share * files.size());
            String name = all.classNames().get(label);
            if (count == 0) {
                throw new DatasetException(String.format(
                        Locale.ROOT,
                        "%s: testSplit %s leaves class '%s' (%s) without test images; add images to it or raise"
                                + " testSplit to at least %.2f",
                        all.root(),
                        share,
                        name,
                        Counted.of(files.size(), "image"),
                        Math.ceil(50.0 / files.size()) / 100));
            }
            if (count == files.size()) {
                throw new DatasetException(String.format(
                        Locale.ROOT,
                        "%s: testSplit %s holds out %s of"
                                + " class '%s', leaving none to train on; add images to it or lower testSplit",
                        all.root(),
                        share,
                        files.size() == 1 ? "the only image" : "all " + Counted.of(files.size(), "image"),
                        name));
            }
            heldOut.addAll(files.subList(0, count));
        }
        Set<LabeledFile> chosen = new HashSet<>(heldOut);
        return all.files().stream().filter(chosen::contains).toList();
    }
}

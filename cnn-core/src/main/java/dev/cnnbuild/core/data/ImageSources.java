package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.ImageLayout;
import dev.cnnbuild.core.spec.ImageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The image files of a model's training and test sets, listed and labelled but not decoded: what the fingerprint
 * hashes, the log summarises and {@link DecodedCache} decodes. A test set held out by {@code testSplit} is chosen
 * when training (seeded and stratified) and its files are listed in the model directory's {@value #HELD_OUT_FILE},
 * so that {@code cnn:check}, the report and the test API evaluate on exactly the held-out files.
 *
 * <pre>{@code
 * ImageSources sources = ImageSources.forTraining(spec.data().images().orElseThrow(), spec.classes(), seed, Progress.NONE);
 * sources.classNames();   // [cat, dog]
 * ImageSources test = ImageSources.forTesting(spec.data().images().orElseThrow(), spec.classes(), modelDirectory);
 * }</pre>
 *
 * @param source where the files are, as the model file says
 * @param train the training files
 * @param test the test files, labelled with the training set's class indices
 */
public record ImageSources(ImageSource source, ImageListing train, ImageListing test) {
    /** The model directory's list of held-out test files, one key per line. */
    public static final String HELD_OUT_FILE = "test-split.txt";

    private static final String HELD_OUT_HEADER = "# test images held out by data.testSplit, relative to the data"
            + " folder or CSV file; written by cnn:train";

    /**
     * Lists the files to train on, holding out the test set if the model file asks for a split.
     *
     * @param source where the files are
     * @param classes the model's class count, which must match the training set's
     * @param seed the training seed, which also seeds the split
     * @param progress advanced for each file listed, and finished when listing is done
     * @return the sources
     * @throws DatasetException naming the file or folder, what is wrong and the fix
     */
    public static ImageSources forTraining(ImageSource source, int classes, long seed, Progress progress)
            throws DatasetException {
        ImageListing all = list(source.layout(), source.train(), progress);
        checkClasses(all, classes);
        if (!source.heldOut()) {
            ImageListing test = list(source.layout(), source.test().orElseThrow(), progress);
            progress.finish();
            return new ImageSources(source, all, relabel(all, test));
        }
        progress.finish();
        List<LabeledFile> test = StratifiedSplit.heldOut(all, source.testSplit(), seed);
        Set<LabeledFile> heldOut = new HashSet<>(test);
        List<LabeledFile> train =
                all.files().stream().filter(file -> !heldOut.contains(file)).toList();
        return new ImageSources(source, all.withFiles(train), all.withFiles(test));
    }

    /**
     * Lists the files to test a trained model on: the test set, or the files held out when it was trained.
     *
     * @param source where the files are
     * @param classes the model's class count
     * @param modelDirectory the trained model's directory, which lists the held-out files
     * @return the sources
     * @throws DatasetException naming the file or folder, what is wrong and the fix
     */
    public static ImageSources forTesting(ImageSource source, int classes, Path modelDirectory)
            throws DatasetException {
        ImageListing all = list(source.layout(), source.train(), Progress.NONE);
        checkClasses(all, classes);
        if (!source.heldOut()) {
            return new ImageSources(
                    source,
                    all,
                    relabel(all, list(source.layout(), source.test().orElseThrow(), Progress.NONE)));
        }
        Path listFile = modelDirectory.resolve(HELD_OUT_FILE);
        Set<String> keys = readHeldOut(listFile);
        ImageListing test = all.only(keys);
        if (test.files().size() != keys.size()) {
            Set<String> missing = new HashSet<>(keys);
            test.files().forEach(file -> missing.remove(file.key()));
            throw new DatasetException(listFile + ": the held-out test image "
                    + missing.stream().sorted().findFirst().orElseThrow() + " is no longer in " + source.train()
                    + "; restore it, or retrain"
                    + " the model with 'mvn cnn:train' to hold out a new test set");
        }
        return new ImageSources(source, all, test);
    }

    /** Returns the class names, in label order. */
    public List<String> classNames() {
        return train.classNames();
    }

    /** Returns whether the test set was held out of the training files. */
    public boolean heldOut() {
        return source.heldOut();
    }

    /**
     * Returns every file that the trained model depends on: the CSV file, if the images are listed in one, and every
     * image file of the training and test sets, in a stable order.
     */
    public List<Path> files() {
        Set<Path> files = new LinkedHashSet<>();
        addAll(files, train);
        addAll(files, test);
        return List.copyOf(files);
    }

    /** Returns the text of {@value #HELD_OUT_FILE}: a header line, then the held-out files' keys. */
    public String heldOutList() {
        StringBuilder text = new StringBuilder(HELD_OUT_HEADER).append('\n');
        test.files().forEach(file -> text.append(file.key()).append('\n'));
        return text.toString();
    }

    /**
     * Returns one line for the log: how many images of which classes, and the files skipped.
     *
     * <pre>{@code
     * sources.summary();  // "120 training and 30 test images of 2 classes (cat, dog) from images; skipped 1 file
     *                     //  that is not an image: cat/notes.txt"
     * }</pre>
     */
    public String summary() {
        String from = heldOut()
                ? source.train() + " (" + Math.round(source.testSplit() * 100) + " % of each class"
                        + " held out for testing)"
                : source.train() + " and " + source.test().orElseThrow();
        List<String> skipped = new ArrayList<>(train.skipped());
        if (!heldOut()) {
            test.skipped().forEach(key -> skipped.add(key));
        }
        String skippedText = skipped.isEmpty()
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; skipped %d %s not %s: %s%s",
                        skipped.size(),
                        skipped.size() == 1 ? "file that is" : "files that are",
                        skipped.size() == 1 ? "an image" : "images",
                        String.join(", ", skipped.subList(0, Math.min(3, skipped.size()))),
                        skipped.size() > 3 ? ", ..." : "");
        return String.format(
                Locale.ROOT,
                "%,d training and %,d test images of %d classes (%s) from %s%s",
                train.files().size(),
                test.files().size(),
                classNames().size(),
                String.join(", ", classNames()),
                from,
                skippedText);
    }

    private static void addAll(Set<Path> files, ImageListing listing) {
        if (!Files.isDirectory(listing.root())) {
            files.add(listing.root());
        }
        listing.files().forEach(file -> files.add(file.file()));
    }

    private static ImageListing list(ImageLayout layout, Path root, Progress progress) throws DatasetException {
        return switch (layout) {
            case FOLDER -> ImageFolderListing.list(root, progress);
            case CSV -> CsvListing.list(root);
        };
    }

    private static void checkClasses(ImageListing train, int classes) throws DatasetException {
        if (train.classNames().size() != classes) {
            throw new DatasetException(String.format(
                    Locale.ROOT,
                    "%s: %d classes (%s) but the model file says"
                            + " classes: %d; set 'classes: %d' (and the last layer's units) or change the data",
                    train.root(),
                    train.classNames().size(),
                    String.join(", ", train.classNames()),
                    classes,
                    train.classNames().size()));
        }
    }

    private static ImageListing relabel(ImageListing train, ImageListing test) throws DatasetException {
        List<LabeledFile> relabelled = new ArrayList<>();
        for (LabeledFile file : test.files()) {
            String name = test.classNames().get(file.label());
            int label = train.classNames().indexOf(name);
            if (label < 0) {
                throw new DatasetException(test.root() + ": class '" + name + "' of the test set is not among the"
                        + " training set's classes (" + String.join(", ", train.classNames()) + ") in "
                        + train.root() + "; add its training images or remove it from the test set");
            }
            relabelled.add(new LabeledFile(file.file(), file.key(), label));
        }
        return new ImageListing(test.root(), train.classNames(), relabelled, test.skipped());
    }

    private static Set<String> readHeldOut(Path listFile) throws DatasetException {
        try {
            Set<String> keys = new HashSet<>();
            for (String line : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line);
                }
            }
            return keys;
        } catch (IOException e) {
            throw new DatasetException(listFile + ": the list of held-out test images cannot be read (" + e
                    + "); retrain the model with 'mvn cnn:train'");
        }
    }
}

package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.ImageSource;
import dev.cnnbuild.core.spec.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A model file's data, whatever its format: IDX files, or image files listed from folders or a CSV file. Listing
 * is cheap and comes first (the fingerprint needs the files); decoding comes only when the model is trained.
 *
 * <pre>{@code
 * ModelData data = ModelData.forTraining(spec);
 * data.files();                       // every image file (and CSV file); empty for IDX
 * LabeledImages train = data.train(); // decoded on all cores
 * LabeledImages test = ModelData.testSet(spec, Path.of("target/cnn/pets"));   // for checking a trained model
 * }</pre>
 */
public final class ModelData {
    private final ModelSpec spec;
    private final ImageSources sources;

    private ModelData(ModelSpec spec, ImageSources sources) {
        this.spec = spec;
        this.sources = sources;
    }

    /**
     * Lists the data to train the model on.
     *
     * @param spec the model file
     * @return its data, listed but not decoded
     * @throws DatasetException if a folder or CSV file is missing or wrong
     */
    public static ModelData forTraining(ModelSpec spec) throws DatasetException {
        return forTraining(spec, line -> {});
    }

    /**
     * Lists the data to train the model on, printing the listing's progress on a large folder.
     *
     * @param spec the model file
     * @param log hears a progress line at most every 10 seconds
     * @return its data, listed but not decoded
     * @throws DatasetException if a folder or CSV file is missing or wrong
     */
    public static ModelData forTraining(ModelSpec spec, Consumer<String> log) throws DatasetException {
        Optional<ImageSource> images = spec.data().images();
        return new ModelData(
                spec,
                images.isEmpty()
                        ? null
                        : ImageSources.forTraining(
                                images.get(),
                                spec.classes(),
                                spec.training().seed(),
                                Progress.of("listing image files", -1, log)));
    }

    /**
     * Loads the test set of a trained model: its IDX test files, its test folder or CSV file, or the images held out
     * when it was trained (listed in its model directory).
     *
     * @param spec the model file it was trained from
     * @param modelDirectory its model directory
     * @return the test images and their labels
     * @throws DatasetException if a file is missing or wrong
     */
    public static LabeledImages testSet(ModelSpec spec, Path modelDirectory) throws DatasetException {
        return testSet(spec, modelDirectory, line -> {});
    }

    /**
     * Loads the test set of a trained model, as {@link #testSet(ModelSpec, Path)}, printing the decoding's progress
     * and the unreadable files that {@code data.onBadImage: skip} leaves out.
     *
     * @param spec the model file it was trained from
     * @param modelDirectory its model directory
     * @param log hears a progress line at most every 10 seconds, and the skipped files
     * @return the test images and their labels
     * @throws DatasetException if a file is missing or wrong
     */
    public static LabeledImages testSet(ModelSpec spec, Path modelDirectory, Consumer<String> log)
            throws DatasetException {
        Optional<ImageSource> images = spec.data().images();
        if (images.isEmpty()) {
            return DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
        }
        ImageSources sources = ImageSources.forTesting(images.get(), spec.classes(), modelDirectory);
        return decode(spec, sources.test(), "test", log);
    }

    /** Returns every image file (and CSV file) the model depends on; empty for IDX data. */
    public List<Path> files() {
        return sources == null ? List.of() : sources.files();
    }

    /**
     * Returns the class names: the folder names or CSV labels, the IDX model file's {@code classNames}, or the
     * label numbers {@code 0..classes-1}.
     */
    public List<String> classNames() {
        if (sources != null) {
            return sources.classNames();
        }
        return spec.data().classNames().isEmpty()
                ? numbers(spec.classes())
                : spec.data().classNames();
    }

    /** Returns one line for the log about the image files read and skipped; empty for IDX data. */
    public Optional<String> summary() {
        return sources == null ? Optional.empty() : Optional.of(sources.summary());
    }

    /**
     * Returns the files to store in the model directory beside the model, by file name: the list of held-out test
     * images when the model file asks for a {@code testSplit}.
     */
    public Map<String, String> directoryFiles() {
        return sources != null && sources.heldOut()
                ? Map.of(ImageSources.HELD_OUT_FILE, sources.heldOutList())
                : Map.of();
    }

    /**
     * Reads or decodes the training set.
     *
     * @return the training images and labels
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model
     */
    public LabeledImages train() throws DatasetException {
        return train(line -> {});
    }

    /**
     * Reads or decodes the training set, printing the decoding's progress and the unreadable files that
     * {@code data.onBadImage: skip} leaves out.
     *
     * @param log hears a progress line at most every 10 seconds, and the skipped files; IDX files print nothing
     * @return the training images and labels
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model
     */
    public LabeledImages train(Consumer<String> log) throws DatasetException {
        return sources == null
                ? DatasetLoader.load(spec.data().train(), spec.input(), spec.classes())
                : decode(spec, sources.train(), "training", log);
    }

    /**
     * Reads or decodes the test set.
     *
     * @return the test images and labels
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model
     */
    public LabeledImages test() throws DatasetException {
        return test(line -> {});
    }

    /**
     * Reads or decodes the test set, as {@link #train(Consumer)} does the training set.
     *
     * @param log hears a progress line at most every 10 seconds, and the skipped files; IDX files print nothing
     * @return the test images and labels
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model
     */
    public LabeledImages test(Consumer<String> log) throws DatasetException {
        return sources == null
                ? DatasetLoader.load(spec.data().test(), spec.input(), spec.classes())
                : decode(spec, sources.test(), "test", log);
    }

    private static LabeledImages decode(ModelSpec spec, ImageListing listing, String set, Consumer<String> log)
            throws DatasetException {
        BadImages badImages = new BadImages(spec.data().options().onBadImage());
        LabeledImages images = ImageSetDecoder.decode(
                listing,
                spec.input(),
                spec.data().options().resize(),
                badImages,
                Progress.of("decoding " + set + " images", listing.files().size(), log));
        badImages.summary().ifPresent(summary -> log.accept(set + " set: " + summary));
        return images;
    }

    /** Returns {@code "0", "1", ...}: the names of classes known only by number. */
    public static List<String> numbers(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }
}

package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.ImageSource;
import dev.cnnbuild.core.spec.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Optional<ImageSource> images = spec.data().images();
        return new ModelData(
                spec,
                images.isEmpty()
                        ? null
                        : ImageSources.forTraining(
                                images.get(), spec.classes(), spec.training().seed()));
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
        Optional<ImageSource> images = spec.data().images();
        if (images.isEmpty()) {
            return DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
        }
        ImageSources sources = ImageSources.forTesting(images.get(), spec.classes(), modelDirectory);
        return ImageSetDecoder.decode(
                sources.test(), spec.input(), spec.data().options().resize());
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
        return train(DecodingProgress.NONE);
    }

    /**
     * Reads or decodes the training set, reporting how many image files are decoded.
     *
     * @param progress hears the decoding's progress; IDX files report none
     * @return the training images and labels
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model
     */
    public LabeledImages train(DecodingProgress progress) throws DatasetException {
        return sources == null
                ? DatasetLoader.load(spec.data().train(), spec.input(), spec.classes())
                : ImageSetDecoder.decode(
                        sources.train(), spec.input(), spec.data().options().resize(), progress);
    }

    /**
     * Reads or decodes the test set.
     *
     * @return the test images and labels
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model
     */
    public LabeledImages test() throws DatasetException {
        return test(DecodingProgress.NONE);
    }

    /**
     * Reads or decodes the test set, reporting how many image files are decoded.
     *
     * @param progress hears the decoding's progress; IDX files report none
     * @return the test images and labels
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model
     */
    public LabeledImages test(DecodingProgress progress) throws DatasetException {
        return sources == null
                ? DatasetLoader.load(spec.data().test(), spec.input(), spec.classes())
                : ImageSetDecoder.decode(
                        sources.test(), spec.input(), spec.data().options().resize(), progress);
    }

    /** Returns {@code "0", "1", ...}: the names of classes known only by number. */
    public static List<String> numbers(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }
}

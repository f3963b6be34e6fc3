package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.BadImagePolicy;
import dev.cnnbuild.core.spec.ImageOptions;
import dev.cnnbuild.core.spec.ImageSource;
import dev.cnnbuild.core.spec.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A model file's data, whatever its format: IDX files, or image files listed from folders or a CSV file. Listing
 * is cheap and comes first (the fingerprint needs the files); decoding comes only when the model is trained, once,
 * into the decoded cache.
 *
 * <pre>{@code
 * ModelData data = ModelData.forTraining(spec);
 * data.files();                       // every image file (and CSV file); empty for IDX
 * try (ImageStore train = data.trainStore(Path.of("target/cnn"), log::info)) {   // through the decoded cache
 *     train.count();
 * }
 * ImageStore test = ModelData.testStore(spec, Path.of("target/cnn/pets"), Path.of("target/cnn-cache"), log::info);
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
     * Returns the training images to read by index: IDX images from their file ({@link DatasetLoader#store}), image files through the decoded cache
     * beside the output directory (built first where there is none or it is stale), or decoded on every read where
     * the model file says {@code data.cache: false}. The log hears the cache building's progress, whether the cache
     * was read or built and why, and the unreadable images that {@code data.onBadImage: skip} left out.
     *
     * <pre>{@code
     * try (ImageStore train = data.trainStore(Path.of("target/cnn"), log::info)) {
     *     train.count();
     * }
     * }</pre>
     *
     * @param outputDirectory the plugin's output directory, beside which the cache lies
     * @param log hears the lines about the images
     * @return the images, to be closed
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model, or the cache cannot be written
     */
    public ImageStore trainStore(Path outputDirectory, Consumer<String> log) throws DatasetException {
        Path cacheFolder = DecodedCache.folderBeside(outputDirectory);
        return sources == null
                ? idxStore(spec, cacheFolder, "training", log)
                : store(spec, sources.train(), cacheFolder, "training", log);
    }

    /**
     * Returns the test images to read by index, as {@link #trainStore} does.
     *
     * @param outputDirectory the plugin's output directory, beside which the cache lies
     * @param log hears the lines about the images
     * @return the images, to be closed
     * @throws DatasetException if a file is missing, corrupt, or does not fit the model, or the cache cannot be written
     */
    public ImageStore testStore(Path outputDirectory, Consumer<String> log) throws DatasetException {
        Path cacheFolder = DecodedCache.folderBeside(outputDirectory);
        return sources == null
                ? idxStore(spec, cacheFolder, "test", log)
                : store(spec, sources.test(), cacheFolder, "test", log);
    }

    /**
     * Returns the test images of a trained model to read by index: its IDX test files ({@link DatasetLoader#store}), or its test files
     * (or the files held out when it was trained) through the decoded cache in the folder the caller names. The
     * folder is never derived from the model directory, which may be a temporary copy far from any build: {@code
     * cnn:check} passes the one beside its output directory ({@link DecodedCache#folderBeside}), the test API the
     * one of the module under test.
     *
     * <pre>{@code
     * Path caches = DecodedCache.folderBeside(Path.of("target/cnn"));              // target/cnn-cache
     * try (ImageStore test = ModelData.testStore(spec, Path.of("target/cnn/pets"), caches, log::info)) {
     *     test.count();
     * }
     * }</pre>
     *
     * @param spec the model file it was trained from
     * @param modelDirectory its model directory, which holds the list of held-out test files
     * @param cacheFolder the folder of the decoded caches, such as {@code target/cnn-cache}
     * @param log hears the lines about the images, as {@link #trainStore} says
     * @return the test images, to be closed
     * @throws DatasetException if a file is missing or wrong
     */
    public static ImageStore testStore(ModelSpec spec, Path modelDirectory, Path cacheFolder, Consumer<String> log)
            throws DatasetException {
        Optional<ImageSource> images = spec.data().images();
        if (images.isEmpty()) {
            return idxStore(spec, cacheFolder, "test", log);
        }
        ImageSources sources = ImageSources.forTesting(images.get(), spec.classes(), modelDirectory);
        return store(spec, sources.test(), cacheFolder, "test", log);
    }

    /**
     * Opens IDX data: an uncompressed image file in place, a gzipped one through its decompressed copy beside the
     * decoded cache ({@code train.idx}, {@code test.idx}), or through a temporary copy there when the cache is off.
     */
    private static ImageStore idxStore(ModelSpec spec, Path cacheFolder, String set, Consumer<String> log)
            throws DatasetException {
        Path copy = DecodedCache.file(cacheFolder, spec.name(), set.equals("training") ? "train" : set)
                .resolveSibling((set.equals("training") ? "train" : set) + ".idx");
        return DatasetLoader.store(
                set.equals("training") ? spec.data().train() : spec.data().test(),
                spec.input(),
                spec.classes(),
                spec.data().options().cache()
                        ? DecompressedIdx.cached(copy, log)
                        : DecompressedIdx.temporary(copy.getParent(), log),
                set);
    }

    private static ImageStore store(
            ModelSpec spec, ImageListing listing, Path cacheFolder, String set, Consumer<String> log)
            throws DatasetException {
        ImageOptions options = spec.data().options();
        if (!options.cache() && options.onBadImage() == BadImagePolicy.FAIL) {
            return new DecodingImageStore(listing, spec.input(), options.resize());
        }
        BadImages badImages = new BadImages(options.onBadImage());
        ImageDecoding decoding = new ImageDecoding(
                listing,
                spec.input(),
                options.resize(),
                Runtime.getRuntime().availableProcessors(),
                badImages,
                Progress.of(
                        options.cache()
                                ? "decoding " + set + " images into the cache"
                                : "checking " + set + " images for unreadable files (onBadImage: skip)",
                        listing.files().size(),
                        log));
        if (!options.cache()) {
            ImageListing readable = DecodingImageStore.readable(decoding);
            badImages.summary().ifPresent(summary -> log.accept(set + " set: " + summary));
            return new DecodingImageStore(readable, spec.input(), options.resize());
        }
        Path file = DecodedCache.file(cacheFolder, spec.name(), set.equals("training") ? "train" : set);
        DecodedCache.Opened opened = DecodedCache.open(file, decoding, log);
        double megabytes = DecodedCache.sizeOnDisk(listing.files().size(), spec.input()) / (double) (1 << 20);
        log.accept(
                opened.built()
                        ? String.format(
                                Locale.ROOT,
                                "%s images decoded into the cache %s (%,.1f MB), because %s",
                                set,
                                file,
                                megabytes,
                                opened.reason().substring("built: ".length()))
                        : String.format(
                                Locale.ROOT,
                                "%s images read from the decoded cache %s (%,.1f MB)",
                                set,
                                file,
                                megabytes));
        badImages.summary().ifPresent(summary -> log.accept(set + " set: " + summary));
        return opened.store();
    }

    /** Returns {@code "0", "1", ...}: the names of classes known only by number. */
    public static List<String> numbers(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }
}

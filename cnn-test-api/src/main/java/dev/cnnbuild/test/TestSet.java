package dev.cnnbuild.test;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.DecompressedIdx;
import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.data.ModelData;
import dev.cnnbuild.core.spec.DatasetFiles;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ModelSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Labelled images a model is measured on: the test set of its YAML (the default of every assertion), a pair of IDX
 * files, or images already in memory. Two sets of the same files are equal, so a model evaluates them once.
 *
 * <pre>{@code
 * TestSet digits = TestSet.idx(Path.of("data/t10k-images-idx3-ubyte.gz"), Path.of("data/t10k-labels-idx1-ubyte.gz"));
 * assertThat(model).evaluatedOn(digits).hasTestAccuracyAbove(0.98);
 * }</pre>
 */
public final class TestSet {
    private final String description;
    private final DatasetFiles files;
    private final LabeledImages images;
    private final ModelSpec spec;
    private final Path modelDirectory;
    private final Path cacheFolder;

    private TestSet(String description, DatasetFiles files, LabeledImages images) {
        this(description, files, images, null, null, null);
    }

    private TestSet(
            String description,
            DatasetFiles files,
            LabeledImages images,
            ModelSpec spec,
            Path modelDirectory,
            Path cacheFolder) {
        this.description = description;
        this.files = files;
        this.images = images;
        this.spec = spec;
        this.modelDirectory = modelDirectory;
        this.cacheFolder = cacheFolder;
    }

    /**
     * Returns the set of an IDX image file and its label file, raw or gzipped, named after the image file.
     *
     * @param images the {@code idx3-ubyte} image file
     * @param labels the {@code idx1-ubyte} label file
     * @return the test set; the files are read when a model is first evaluated on it
     */
    public static TestSet idx(Path images, Path labels) {
        return idx(images.getFileName().toString(), images, labels);
    }

    /**
     * Returns the set of an IDX image file and its label file, with a name for failure messages.
     *
     * @param name how messages call it, as in "accuracy of model mnist-cnn on {@code name}"
     * @param images the {@code idx3-ubyte} image file
     * @param labels the {@code idx1-ubyte} label file
     * @return the test set
     */
    public static TestSet idx(String name, Path images, Path labels) {
        return new TestSet(name, new DatasetFiles(absolute(images), absolute(labels)), null);
    }

    /**
     * Returns a set of images already loaded; it is equal only to itself.
     *
     * @param name how messages call it
     * @param images the images and their labels
     * @return the test set
     */
    public static TestSet of(String name, LabeledImages images) {
        return new TestSet(Objects.requireNonNull(name, "name"), null, Objects.requireNonNull(images, "images"));
    }

    static TestSet ofModel(ModelSpec spec, Path modelDirectory, Path cacheFolder) {
        return spec.data().isIdx()
                ? new TestSet("its test set", spec.data().test(), null)
                : new TestSet("its test set", null, null, spec, modelDirectory, cacheFolder);
    }

    /** Returns how failure messages name the set, such as {@code "its test set"} or the image file's name. */
    public String description() {
        return description;
    }

    /**
     * Opens the set's images: a model's image files through the decoded cache in the folder its loader chose (beside
     * the output folder it was loaded from, else the module's {@code target/cnn-cache}; built first where there is
     * none), so that a set need not fit the memory; IDX files as {@link DatasetLoader#store}
     * reads them (an uncompressed one by position, a gzipped one through a temporary decompressed copy in the
     * system's temporary folder, deleted once opened: a model may come from anywhere, even the class path, so nothing
     * is written beside it); images in memory as they are.
     */
    ImageStore open(InputShape input, int classes) throws DatasetException {
        if (spec != null) {
            return ModelData.testStore(spec, modelDirectory, cacheFolder, line -> {});
        }
        return images != null
                ? new HeapImageStore(images)
                : DatasetLoader.store(
                        files,
                        input,
                        classes,
                        DecompressedIdx.temporary(Path.of(System.getProperty("java.io.tmpdir")), line -> {}),
                        "test");
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof TestSet set && files != null && files.equals(set.files);
    }

    @Override
    public int hashCode() {
        return files != null ? files.hashCode() : System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return description;
    }

    private static Path absolute(Path file) {
        return file.toAbsolutePath().normalize();
    }
}

package dev.cnnbuild.test;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.DecodedCache;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.engine.EvaluationDevice;
import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.evaluation.Latency;
import dev.cnnbuild.core.evaluation.LatencyMeter;
import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.TorchScriptModel;
import dev.cnnbuild.core.robustness.ImagePerturbation;
import dev.cnnbuild.core.robustness.PerturbedImageStore;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * A trained model, loaded in the test JVM to be measured: a model directory of this project ({@code target/cnn/<name>},
 * a path, or a folder on the classpath) or a TorchScript file trained elsewhere. The assertions of
 * {@link CnnAssertions} measure it; each figure comes from running the network here, never from the trainer's
 * {@code metrics.json}.
 *
 * <p>An evaluation runs once per model and test set (and perturbation) and is kept, so any number of assertions
 * on one model cost one pass over its test set. The model is safe to share between threads: they wait for one
 * another's passes. Close it to free the engine's memory; the JUnit extension ({@link CnnTest}) loads each model
 * once per JVM and closes it at the end.
 *
 * <p>A model directory records its model file relative to the project it was trained in, and its test set is found
 * in the project named by system property {@value #PROJECT_DIRECTORY_PROPERTY}, else the working directory (which
 * surefire sets to the module's folder); {@code @TrainedModel(project = ...)} names another, such as the module that
 * trained a model shipped in a jar.
 *
 * <p>Every way of loading a model ({@link #load(Path)}, {@link #fromClasspath(String)}, {@link #torchScript(Path)})
 * first calls {@link #useOfflineEngine()}: it sets the JVM-wide system property {@code ai.djl.offline} to
 * {@code true} unless it is already set, so that DJL never tries to download anything (the PyTorch natives come
 * from the class path). Nothing is set merely by using the class.
 *
 * <pre>{@code
 * try (CnnModel model = CnnModel.load("mnist-cnn")) {          // target/cnn/mnist-cnn
 *     assertThat(model).hasTestAccuracyAbove(0.98);
 *     Evaluation evaluation = model.evaluate(model.testSet().orElseThrow());
 * }
 * }</pre>
 */
public final class CnnModel implements AutoCloseable {
    /** The system property that names the folder of trained model directories. */
    public static final String OUTPUT_DIRECTORY_PROPERTY = "cnn.outputDirectory";
    /**
     * The system property that names the evaluating device: {@code auto} (the default: the kind of device that
     * trained the model when there is one, else the CPU), {@code cpu}, {@code gpu} or {@code gpu:N}.
     */
    public static final String DEVICE_PROPERTY = "cnn.device";
    /** The folder of trained model directories when the property is unset, relative to the working directory. */
    public static final String DEFAULT_OUTPUT_DIRECTORY = "target/cnn";

    private static final int EVALUATION_BATCH = 1000;
    private static final int LATENCY_WARM_UP_RUNS = 5;
    private static final int LATENCY_RUNS = 25;

    /** The system property that names the project whose files a model's recorded paths are relative to. */
    public static final String PROJECT_DIRECTORY_PROPERTY = "cnn.projectDirectory";
    /** The JVM-wide DJL system property that {@link #useOfflineEngine()} sets. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private final String name;
    private final String origin;
    private final ImageClassifier classifier;
    private final AutoCloseable owner;
    private final TestSet testSet;
    private final Path copy;
    private final ReentrantLock engine = new ReentrantLock();
    private final Memo<TestSet, ImageStore> datasets = new Memo<>();
    private final List<ImageStore> opened = new CopyOnWriteArrayList<>();
    private final Memo<EvaluationKey, Evaluation> evaluations = new Memo<>();
    private final Memo<Integer, Latency> latencies = new Memo<>();
    private volatile boolean closed;

    private CnnModel(
            String name, String origin, ImageClassifier classifier, AutoCloseable owner, TestSet testSet, Path copy) {
        this.name = name;
        this.origin = origin;
        this.classifier = classifier;
        this.owner = owner;
        this.testSet = testSet;
        this.copy = copy;
        EngineBanner.announce(classifier.manager().getDevice());
    }

    /**
     * Loads model {@code name} from the build's output folder: system property {@value #OUTPUT_DIRECTORY_PROPERTY}
     * (which the sample's surefire sets), else {@value #DEFAULT_OUTPUT_DIRECTORY} in the working directory.
     *
     * @param name the model's name, as in its YAML
     * @return the loaded model; the caller closes it
     * @throws CnnModelException if there is no complete model directory of that name, or it cannot be loaded
     */
    public static CnnModel load(String name) {
        return load(outputDirectory(), name);
    }

    /**
     * Loads model {@code name} from an output folder such as {@code target/cnn}.
     *
     * @param outputDirectory the folder that holds model directories
     * @param name the model's name
     * @return the loaded model; the caller closes it
     * @throws CnnModelException if there is no complete model directory of that name, or it cannot be loaded
     */
    public static CnnModel load(Path outputDirectory, String name) {
        return load(outputDirectory, name, projectDirectory());
    }

    static CnnModel load(Path outputDirectory, String name, Path project) {
        Path directory = outputDirectory.resolve(name).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            if (BuildSkip.active()) {
                throw BuildSkip.abort("model " + name + " was not trained (" + directory + " does not exist)");
            }
            throw new CnnModelException("No trained model " + name + " in output folder "
                    + outputDirectory.toAbsolutePath().normalize() + ": " + directory + " does not exist. "
                    + ModelFiles.HOW_TO_TRAIN);
        }
        return load(directory, project, ModelFiles.HOW_TO_TRAIN, DecodedCache.folderBeside(outputDirectory));
    }

    /**
     * Loads a model directory: rebuilds the network from its {@code model.yaml} and loads {@code parameters.params}.
     * Its test set is the one its YAML names, in the project of {@link #projectDirectory()}.
     *
     * @param directory the model directory, holding the files {@code cnn:train} writes; they must match its manifest
     * @return the loaded model; the caller closes it
     * @throws CnnModelException if the directory is missing or incomplete, its files do not match its manifest, or they do not fit together
     */
    public static CnnModel load(Path directory) {
        return load(directory, projectDirectory());
    }

    static CnnModel load(Path directory, Path project) {
        return load(directory, project, ModelFiles.HOW_TO_GIVE_A_PATH, cacheFolder());
    }

    private static CnnModel load(Path directory, Path project, String advice, Path cacheFolder) {
        Path root = directory.toAbsolutePath().normalize();
        ModelFiles.checkComplete(root, advice);
        return loadDirectory(root, "model directory " + root, null, project, cacheFolder);
    }

    /**
     * Loads a model directory packaged on the class path, say under {@code cnn/mnist-cnn/} of a jar, through the
     * thread's context class loader; see {@link #fromClasspath(String, ClassLoader)}.
     *
     * @param resourceFolder the folder of the model files, such as {@code "cnn/mnist-cnn"}
     * @return the loaded model; the caller closes it
     * @throws CnnModelException if a file is missing or the model cannot be loaded
     */
    public static CnnModel fromClasspath(String resourceFolder) {
        return fromClasspath(resourceFolder, Thread.currentThread().getContextClassLoader());
    }

    /**
     * Loads a model directory packaged on the class path: its files are copied to a temporary folder, deleted
     * on {@link #close()}. The YAML's test set does not travel with it: it is looked for in the project of
     * {@link #projectDirectory()}; else evaluate on a set passed in ({@code evaluatedOn(TestSet.idx(...))}).
     *
     * @param resourceFolder the folder of the model files, such as {@code "cnn/mnist-cnn"}
     * @param classLoader the class loader that sees it
     * @return the loaded model; the caller closes it
     * @throws CnnModelException if a file is missing or the model cannot be loaded
     */
    public static CnnModel fromClasspath(String resourceFolder, ClassLoader classLoader) {
        return fromClasspath(resourceFolder, classLoader, projectDirectory());
    }

    static CnnModel fromClasspath(String resourceFolder, ClassLoader classLoader, Path project) {
        Path copy = ModelFiles.copyFromClasspath(resourceFolder, classLoader);
        try {
            return loadDirectory(copy, "class path folder " + resourceFolder, copy, project, cacheFolder());
        } catch (RuntimeException e) {
            ModelFiles.deleteCopy(copy);
            throw e;
        }
    }

    /**
     * Starts loading a TorchScript file trained elsewhere, say by PyTorch in Python.
     *
     * <pre>{@code
     * CnnModel model = CnnModel.torchScript(Path.of("mnist.pt"))
     *         .setInput(1, 28, 28)
     *         .setClasses(10)
     *         .optPixelScaling(PixelScaling.normalized(0.1307, 0.3081))
     *         .optTestSet(TestSet.idx(images, labels))
     *         .load();
     * }</pre>
     *
     * @param file the {@code .pt} file written by {@code torch.jit.save}
     * @return a builder; {@code setInput} and {@code setClasses} are required
     */
    public static TorchScriptModelBuilder torchScript(Path file) {
        return new TorchScriptModelBuilder(file);
    }

    /**
     * Returns the project whose files a model's recorded paths (its test set) are relative to, absolute: system
     * property {@value #PROJECT_DIRECTORY_PROPERTY}, else the working directory.
     */
    public static Path projectDirectory() {
        return Path.of(System.getProperty(PROJECT_DIRECTORY_PROPERTY, ""))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Keeps DJL offline: sets the JVM-wide system property {@value #OFFLINE_PROPERTY} to {@code true} unless it is
     * already set. Every way of loading a model calls it first; call it yourself before using DJL directly.
     *
     * <pre>{@code
     * CnnModel.useOfflineEngine();   // same as -Dai.djl.offline=true, unless the JVM was given another value
     * }</pre>
     */
    public static void useOfflineEngine() {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
    }

    /**
     * Readies the engine before a model is loaded: offline, DJL's start-up logging left out, and started, with a
     * test JVM that lacks natives told what to add.
     */
    private static void prepareEngine() {
        useOfflineEngine();
        QuietEngineLogging.apply();
        EngineStart.start();
    }

    /** Returns the output folder {@link #load(String)} looks in, absolute. */
    public static Path outputDirectory() {
        return Path.of(System.getProperty(OUTPUT_DIRECTORY_PROPERTY, DEFAULT_OUTPUT_DIRECTORY))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Returns the folder of the decoded caches of a model that is not loaded from a named output folder (a path or
     * the class path): the one beside {@link #outputDirectory()}, the module's {@code target/cnn-cache}, where
     * training keeps them too. A class path model's temporary copy has no build around it to hold a cache.
     */
    static Path cacheFolder() {
        return DecodedCache.folderBeside(outputDirectory());
    }

    static CnnModel ofTorchScript(
            String name, Path file, InputShape input, int classes, PixelScaling scaling, TestSet testSet) {
        prepareEngine();
        try {
            TorchScriptModel model = TorchScriptModel.load(
                    file, input, classes, scaling, EvaluationDevice.choose(System.getProperty(DEVICE_PROPERTY), null));
            return new CnnModel(name, "TorchScript file " + file, model.classifier(), model, testSet, null);
        } catch (IOException | IllegalArgumentException e) {
            throw new CnnModelException(e.getMessage(), e);
        }
    }

    private static CnnModel loadDirectory(Path root, String origin, Path copy, Path project, Path cacheFolder) {
        prepareEngine();
        try {
            LoadedModel model = LoadedModel.load(ModelDirectory.of(root), project, System.getProperty(DEVICE_PROPERTY));
            return new CnnModel(
                    model.spec().name(),
                    origin,
                    model.classifier(),
                    model,
                    TestSet.ofModel(model.spec(), root, cacheFolder),
                    copy);
        } catch (IOException | SpecException | IllegalArgumentException e) {
            throw new CnnModelException("Cannot load the model in " + origin + ": " + e.getMessage(), e);
        }
    }

    /** Returns the model's name: from its YAML, or the TorchScript file's name. */
    public String name() {
        return name;
    }

    /** Returns where the model was loaded from, such as {@code "model directory /p/target/cnn/mnist-cnn"}. */
    public String origin() {
        return origin;
    }

    /** Returns the shape of one input image. */
    public InputShape input() {
        return classifier.input();
    }

    /** Returns the number of classes. */
    public int classes() {
        return classifier.classes();
    }

    /**
     * Returns the class names in label order: the folder names or CSV labels the model was trained on, or the label
     * numbers for a model whose data name no class (IDX files, a TorchScript file).
     *
     * <pre>{@code
     * model.classNames().name(0);   // "cat"
     * }</pre>
     */
    public ClassNames classNames() {
        return owner instanceof LoadedModel loaded ? loaded.metrics().classes() : ClassNames.numbered(classes());
    }

    /** Returns the test set of the model's YAML, or the one given to a TorchScript model; empty if none. */
    public Optional<TestSet> testSet() {
        return Optional.ofNullable(testSet);
    }

    /**
     * Evaluates the model on a test set, once: later calls with an equal set return the same evaluation.
     *
     * @param set the test set
     * @return the confusion matrix and summed loss
     * @throws CnnModelException if the set cannot be read or does not fit the model
     */
    public Evaluation evaluate(TestSet set) {
        return evaluate(set, null);
    }

    /**
     * Evaluates the model on perturbed images of a test set, once per set and perturbation.
     *
     * @param set the test set
     * @param perturbation what is done to each image first, such as {@code GaussianNoise.of(0.1)}; null for nothing
     * @return the confusion matrix and summed loss
     * @throws CnnModelException if the set cannot be read or does not fit the model
     */
    public Evaluation evaluate(TestSet set, ImagePerturbation perturbation) {
        checkOpen();
        return evaluations.get(new EvaluationKey(set, perturbation), () -> {
            ImageStore data = images(set);
            return withEngine(() -> {
                if (perturbation == null) {
                    return classifier.evaluate(data, EVALUATION_BATCH);
                }
                return classifier.evaluate(new PerturbedImageStore(data, perturbation), EVALUATION_BATCH);
            });
        });
    }

    /**
     * Classifies one image.
     *
     * @param image the image, of the model's input size
     * @return the predicted class and each class's probability
     * @throws IllegalArgumentException if the image is not of the model's input size
     */
    public Prediction predict(TestImage image) {
        checkOpen();
        InputShape input = input();
        if (image.height() != input.height() || image.width() != input.width()) {
            throw new IllegalArgumentException(image.description() + " is " + image.height() + "x" + image.width()
                    + " pixels but model " + name + " takes " + input.height() + "x" + input.width() + " images");
        }
        return withEngine(() -> classifier.predict(image.pixels().withChannels(input.channels()), 0));
    }

    /** Returns the number of trainable parameters of the loaded network, counted in its loaded tensors. */
    public long parameterCount() {
        checkOpen();
        return withEngine(classifier::parameterCount);
    }

    /**
     * Measures the latency of classifying a batch, once per batch size: the median of 25 timed runs after 5
     * warm-up runs, on the first images of the model's test set (blank images if it has none).
     *
     * @param batchSize images per run; 1 gives the latency per image
     * @return the measured latency
     */
    public Latency latency(int batchSize) {
        checkOpen();
        return latencies.get(batchSize, () -> {
            ImageSet images = latencyImages(batchSize);
            return withEngine(
                    () -> LatencyMeter.measure(classifier, images, batchSize, LATENCY_WARM_UP_RUNS, LATENCY_RUNS));
        });
    }

    /** Frees the engine's memory and deletes the temporary copy of a class path model; later calls fail. */
    @Override
    public void close() {
        engine.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            opened.forEach(ImageStore::close);
            owner.close();
        } catch (Exception e) {
            throw new CnnModelException("Cannot close model " + name + ": " + e.getMessage(), e);
        } finally {
            engine.unlock();
            if (copy != null) {
                ModelFiles.deleteCopy(copy);
            }
        }
    }

    @Override
    public String toString() {
        return "model " + name + " (" + origin + ")";
    }

    private ImageStore images(TestSet set) {
        return datasets.get(set, () -> {
            try {
                ImageStore store = set.open(input(), classes());
                opened.add(store);
                return store;
            } catch (DatasetException e) {
                throw new CnnModelException(
                        "Cannot evaluate model " + name + " on " + set.description() + ": "
                                + e.getMessage()
                                + (set.equals(testSet)
                                        ? "; or pass a test set with" + " evaluatedOn(TestSet.idx(images, labels))"
                                        : ""),
                        e);
            }
        });
    }

    private ImageSet latencyImages(int batchSize) {
        InputShape input = input();
        if (testSet != null) {
            try {
                ImageStore images = images(testSet);
                return images.gather(
                        IntStream.range(0, Math.min(images.count(), batchSize)).toArray());
            } catch (CnnModelException | DatasetException e) {
                // no test set to take images from: blank ones time the same network
            }
        }
        return new ImageSet(
                batchSize,
                input.channels(),
                input.height(),
                input.width(),
                new byte[batchSize * input.channels() * input.height() * input.width()]);
    }

    private <T> T withEngine(Callable<T> work) {
        engine.lock();
        try {
            checkOpen();
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CnnModelException(e.getMessage(), e);
        } finally {
            engine.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private record EvaluationKey(TestSet set, ImagePerturbation perturbation) {}
}

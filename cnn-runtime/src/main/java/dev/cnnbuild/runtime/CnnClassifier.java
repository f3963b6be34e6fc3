package dev.cnnbuild.runtime;

import dev.cnnbuild.core.engine.EngineLoader;
import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.DecodedPredictor;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A trained model, ready to classify images in an application: loaded from the model directory {@code cnn:train}
 * wrote, or from the class path where the plugin's {@code addToClasspath} put it, after its manifest is verified.
 * Images are turned into the network's input by the code that training and {@code cnn:check} use, as the model
 * directory says: grey or colour, resized (or refused) as its {@code resize} says, pixels scaled to [0, 1] and
 * normalised with its {@code normalization.json}, channels in the layout its network takes; classes keep the names
 * training gave them.
 *
 * <pre>{@code
 * try (CnnClassifier classifier = CnnClassifier.fromClasspath("cnn/mnist-cnn")) {   // or CnnClassifier.load(path)
 *     Classification c = classifier.classify(Path.of("digit.png"));    // BufferedImage, InputStream, byte[] too
 *     c.label();          // "7"
 *     c.probability();    // 0.9981
 *     c.top(3);           // the three likeliest classes with their probabilities
 *     List<Classification> all = classifier.classifyAll(List.of(Path.of("a.png"), Path.of("b.png")));
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One classifier is safe to share between threads, such as a web server's request threads, and
 * meant to be: load it once ({@link Classifier}). Images are decoded in the calling thread; forward passes of different threads run at
 * the same time on the one network, whose parameters are only read. Each PyTorch operation itself uses PyTorch's
 * intra-op threads (one per processor unless {@code ai.djl.pytorch.num_threads} says otherwise), so callers beyond
 * the processor count gain no throughput. {@link #close()} waits for the calls under way; a call after it fails.
 *
 * <p><b>Start.</b> Loading starts the PyTorch engine (most of a second) on a thread of its own while the model's
 * files are copied, verified and read.
 *
 * <p><b>Memory.</b> The parameters stay in native memory until {@link #close()} (about 4 bytes a parameter). Each
 * call holds its images' input tensors ({@code 4 x channels x height x width} bytes an image, {@value #BATCH_SIZE}
 * images at most at a time for {@link #classifyAll}) and the network's activations for them, freed when it returns;
 * a single image's input tensor is kept for the next single-image call instead, one per thread classifying at the
 * same moment, until {@link #close()}.
 * An image's size is read from its header first: one over {@link #MAX_PIXELS} is refused before it is decoded.
 */
public final class CnnClassifier extends Classifier {
    private final LoadedModel model;
    private final DecodedPredictor network;

    private CnnClassifier(String name, LoadedModel model) {
        super(
                new ImageInput(
                        name,
                        model.spec().input(),
                        model.spec().data().options().resize()),
                ClassNames.orNumbered(model.metrics().classNames(), model.spec().classes())
                        .names());
        this.model = model;
        this.network = new DecodedPredictor(model.classifier());
    }

    /**
     * Loads a model directory written by {@code cnn:train}, such as {@code target/cnn/mnist-cnn}, on the device
     * {@code cnn:check} would choose: the CPU, or a GPU for a model trained on one when this machine has one.
     *
     * @param directory the model directory
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException if the directory is missing, incomplete or fails its manifest (the message is
     *     the one {@code cnn:check} gives), or the engine cannot start
     */
    public static CnnClassifier load(Path directory) {
        EngineLoader.startInBackground();
        if (!Files.isDirectory(directory)) {
            throw new CnnClassifierException("model directory " + directory + " does not exist; train the model with"
                    + " 'mvn cnn:train' (it writes target/cnn/<name>/) and give that directory");
        }
        return load(ModelDirectory.of(directory), directory.toString(), Function.identity());
    }

    /**
     * Loads a model directory from the class path of the thread's context class loader (or this class's), where the
     * plugin's {@code addToClasspath} puts it: {@code cnn/<name>/} in the module's jar.
     *
     * @param resource the folder on the class path, such as {@code cnn/mnist-cnn}
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException if no model is there, or it is incomplete or fails its manifest, or the engine
     *     cannot start
     */
    public static CnnClassifier fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClasspath(resource, loader != null ? loader : CnnClassifier.class.getClassLoader());
    }

    /**
     * Loads a model directory from a class loader's class path.
     *
     * @param resource the folder on the class path, such as {@code cnn/mnist-cnn}
     * @param loader the class loader to look in
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException if no model is there, or it is incomplete or fails its manifest, or the engine
     *     cannot start
     */
    public static CnnClassifier fromClasspath(String resource, ClassLoader loader) {
        EngineLoader.startInBackground();
        try (ClasspathModel copy = ClasspathModel.copy(resource, loader)) {
            return load(copy.directory(), resource, copy::named);
        }
    }

    private static CnnClassifier load(ModelDirectory directory, String name, Function<String, String> named) {
        try {
            return new CnnClassifier(name, LoadedModel.load(directory, Path.of(""), "auto"));
        } catch (IOException | SpecException e) {
            throw new CnnClassifierException(named.apply(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new CnnClassifierException(named.apply(name + ": " + e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new CnnClassifierException(
                    name + ": the PyTorch engine cannot run the model (" + e.getMessage() + "); the application needs"
                            + " PyTorch's natives on its class path, such as"
                            + " ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64, which cnn-runtime brings for"
                            + " the platform it is built on (docs/runtime.md)",
                    e);
        }
    }

    @Override
    protected List<float[]> probabilities(List<byte[]> images) {
        return network.predict(images).stream().map(Prediction::probabilities).toList();
    }

    @Override
    protected void release() {
        model.close();
    }
}

package dev.cnnbuild.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.DecodedInput;
import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.StoredModel;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.ClasspathModel;
import dev.cnnbuild.runtime.CnnClassifierException;
import dev.cnnbuild.runtime.ImageInput;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A trained model served by ONNX Runtime from its directory's {@code model.onnx}, without PyTorch: the same API and
 * answers as {@link dev.cnnbuild.runtime.CnnClassifier} (probabilities equal within float rounding), for an
 * application that ships a tenth of the natives and starts faster. The model directory is verified against its
 * manifest, and images are read and preprocessed by the training's own code (decoding, colour conversion, resize,
 * scaling and the normalisation of its {@code normalization.json}) in Java, without DJL.
 *
 * <pre>{@code
 * try (OnnxClassifier classifier = OnnxClassifier.fromClasspath("cnn/mnist-cnn")) {   // or OnnxClassifier.load(path)
 *     Classification c = classifier.classify(Path.of("digit.png"));    // BufferedImage, InputStream, byte[] too
 *     c.label();          // "7"
 *     c.top(3);           // the three likeliest classes with their probabilities
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One classifier is safe to share between threads ({@link Classifier}): ONNX Runtime runs the
 * calls of several threads on the one session at once, each on its intra-op threads (one per physical core).
 *
 * <p><b>Memory.</b> The session holds the parameters and ONNX Runtime's plan in native memory until
 * {@link #close()}. A call holds its images' input ({@code 4 x channels x height x width} bytes an image,
 * {@value #BATCH_SIZE} images at most at a time) and the network's activations for them until it returns.
 *
 * <p>A network that {@code cnn:train} could not export (one with a TorchScript layer) has no {@code model.onnx} and is
 * refused with that reason; classify it with {@code CnnClassifier}. The network runs on the CPU.
 */
public final class OnnxClassifier extends Classifier {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    private final DecodedInput pixels;
    private final InputShape shape;
    private final int classes;

    private OnnxClassifier(
            String name, StoredModel stored, List<String> labels, OrtEnvironment environment, OrtSession session) {
        super(
                new ImageInput(
                        name,
                        stored.spec().input(),
                        stored.spec().data().options().resize()),
                labels);
        this.environment = environment;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.shape = stored.spec().input();
        this.pixels = new DecodedInput(shape, PixelScaling.UNIT, stored.normalization());
        this.classes = labels.size();
    }

    /**
     * Loads a model directory written by {@code cnn:train}, such as {@code target/cnn/mnist-cnn}.
     *
     * @param directory the model directory
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException if the directory is missing, incomplete or fails its manifest (the message is
     *     the one {@code cnn:check} gives), has no {@code model.onnx}, or ONNX Runtime cannot start
     */
    public static OnnxClassifier load(Path directory) {
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
     * @throws CnnClassifierException if no model is there, or it is incomplete, fails its manifest or has no
     *     {@code model.onnx}, or ONNX Runtime cannot start
     */
    public static OnnxClassifier fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClasspath(resource, loader != null ? loader : OnnxClassifier.class.getClassLoader());
    }

    /**
     * Loads a model directory from a class loader's class path.
     *
     * @param resource the folder on the class path, such as {@code cnn/mnist-cnn}
     * @param loader the class loader to look in
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException as {@link #fromClasspath(String)}
     */
    public static OnnxClassifier fromClasspath(String resource, ClassLoader loader) {
        try (ClasspathModel copy = ClasspathModel.copy(resource, loader)) {
            return load(copy.directory(), resource, copy::named);
        }
    }

    private static OnnxClassifier load(ModelDirectory directory, String name, Function<String, String> named) {
        StoredModel stored;
        try {
            stored = StoredModel.read(directory, Path.of(""));
        } catch (IOException | SpecException e) {
            throw new CnnClassifierException(named.apply(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new CnnClassifierException(named.apply(name + ": " + e.getMessage()), e);
        }
        Path onnx = directory.onnx();
        if (!Files.isRegularFile(onnx)) {
            throw new CnnClassifierException(named.apply(onnx + " does not exist: cnn:train writes model.onnx for"
                    + " a network built from the model file's own layers, but not for one with a TorchScript layer"
                    + " (cnn:train's log names why), nor in a directory trained before the export existed or written"
                    + " by the train.py of cnn:export's PyTorch package; classify this model with cnn-runtime's"
                    + " CnnClassifier (PyTorch), or, if cnn:train trained it and its network has no TorchScript"
                    + " layer, retrain it with 'mvn cnn:train -Dcnn.force=true'"));
        }
        List<String> labels = ClassNames.orNumbered(
                        stored.metrics().classNames(), stored.spec().classes())
                .names();
        OrtEnvironment environment = environment(name);
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = environment.createSession(Files.readAllBytes(onnx), options);
            checkShapes(session, stored.spec().input(), labels.size());
            return new OnnxClassifier(name, stored, labels, environment, session);
        } catch (OrtException | IOException | IllegalStateException e) {
            close(session);
            throw new CnnClassifierException(
                    named.apply(onnx + " cannot be run by ONNX Runtime (" + e.getMessage()
                            + "); retrain the model with 'mvn cnn:train -Dcnn.force=true'"),
                    e);
        }
    }

    private static OrtEnvironment environment(String name) {
        try {
            return OrtEnvironment.getEnvironment();
        } catch (LinkageError | RuntimeException e) {
            throw new CnnClassifierException(
                    name + ": ONNX Runtime cannot start on this machine (" + e + "); the application needs"
                            + " com.microsoft.onnxruntime:onnxruntime on its class path, which cnn-runtime-onnx brings"
                            + " with the natives of Linux, macOS and Windows on x86-64 and ARM64 (docs/runtime.md)",
                    e);
        }
    }

    /** Refuses an ONNX graph that does not take the model's images or give its classes' logits. */
    private static void checkShapes(OrtSession session, InputShape input, int classes) throws OrtException {
        long[] in = tensorShape(session.getInputInfo(), "input");
        long[] out = tensorShape(session.getOutputInfo(), "output");
        long[] image = {input.channels(), input.height(), input.width()};
        if (in.length != 4 || !Arrays.equals(Arrays.copyOfRange(in, 1, 4), image)) {
            throw new IllegalStateException("its input is " + Arrays.toString(in) + ", not [N, " + input.channels()
                    + ", " + input.height() + ", " + input.width() + "] as model.yaml says");
        }
        if (out.length != 2 || out[1] != classes) {
            throw new IllegalStateException(
                    "its output is " + Arrays.toString(out) + ", not [N, " + classes + "] as model.yaml says");
        }
    }

    private static long[] tensorShape(Map<String, NodeInfo> nodes, String what) {
        if (nodes.size() != 1 || !(nodes.values().iterator().next().getInfo() instanceof TensorInfo tensor)) {
            throw new IllegalStateException("it has " + nodes.size() + " " + what + "s, not one tensor");
        }
        return tensor.getShape();
    }

    @Override
    protected List<float[]> probabilities(List<byte[]> images) {
        FloatBuffer floats = pixels.floats(images, false).asFloatBuffer();
        long[] batch = {images.size(), shape.channels(), shape.height(), shape.width()};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, floats, batch);
                OrtSession.Result result = session.run(Map.of(inputName, input))) {
            FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] logits = new float[output.remaining()];
            output.get(logits);
            return Prediction.ofLogitRows(logits, classes).stream()
                    .map(Prediction::probabilities)
                    .toList();
        } catch (OrtException e) {
            throw new CnnClassifierException("ONNX Runtime failed to run " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void release() {
        close(session);
    }

    private static void close(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // the process keeps running: nothing an application could do about a session that fails to close
            }
        }
    }
}

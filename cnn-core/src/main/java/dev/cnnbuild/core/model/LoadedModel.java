package dev.cnnbuild.core.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.cnnbuild.core.engine.EvaluationDevice;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.spec.TorchScriptLayer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained model directory loaded back: the network rebuilt from the stored YAML with its learnt parameters, the
 * spec, and the stored metrics. Close it to free the engine's memory.
 *
 * <p>Every file is first checked against the directory's manifest ({@link ModelManifest}): a tampered or damaged
 * directory is a {@link ModelIntegrityException} naming the file, never a model measured.
 *
 * <p>The stored YAML is parsed as if it stood at its place in the project ({@link ModelMetrics#source()}, recorded
 * relative to the project), so its data paths point into the project the model is loaded in, wherever that is.
 *
 * <pre>{@code
 * try (LoadedModel model = LoadedModel.load(ModelDirectory.of(Path.of("target/cnn/mnist-cnn")), Device.cpu())) {
 *     Evaluation e = Evaluator.evaluate(model.network(), model.manager(), testSet, 10, 1000);
 * }
 * }</pre>
 */
public final class LoadedModel implements AutoCloseable {
    private final Model model;
    private final ModelSpec spec;
    private final ModelMetrics metrics;
    private final ChannelNormalization normalization;

    private LoadedModel(Model model, ModelSpec spec, ModelMetrics metrics, ChannelNormalization normalization) {
        this.model = model;
        this.spec = spec;
        this.metrics = metrics;
        this.normalization = normalization;
    }

    /**
     * Loads a model directory whose recorded paths are relative to the working directory's project.
     *
     * @param directory the directory
     * @param device where the network runs
     * @return the loaded model; the caller closes it
     * @throws IOException if a file is missing or unreadable, or the parameters do not fit the network
     * @throws SpecException if the stored YAML is not valid
     */
    public static LoadedModel load(ModelDirectory directory, Device device) throws IOException, SpecException {
        return load(directory, Path.of(""), device);
    }

    /**
     * Loads a model directory.
     *
     * @param directory the directory
     * @param project the project the model's recorded paths are relative to
     * @param device where the network runs
     * @return the loaded model; the caller closes it
     * @throws IOException if a file is missing or unreadable, or the parameters do not fit the network
     * @throws SpecException if the stored YAML is not valid
     */
    public static LoadedModel load(ModelDirectory directory, Path project, Device device)
            throws IOException, SpecException {
        return load(directory, project, StoredModel.metrics(directory), device);
    }

    /**
     * Loads a model directory onto the device that {@link EvaluationDevice} chooses: with {@code auto}, the kind
     * that trained it when there is one, the CPU otherwise.
     *
     * <pre>{@code
     * LoadedModel model = LoadedModel.load(directory, Path.of(""), "auto");   // the CPU, unless trained on a GPU here
     * }</pre>
     *
     * @param directory the directory
     * @param project the project the model's recorded paths are relative to
     * @param evaluationDevice {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @return the loaded model; the caller closes it
     * @throws IOException if a file is missing or unreadable, or the parameters do not fit the network
     * @throws SpecException if the stored YAML is not valid
     * @throws IllegalArgumentException if the device is not a device, or a GPU that is not here
     */
    public static LoadedModel load(ModelDirectory directory, Path project, String evaluationDevice)
            throws IOException, SpecException {
        ModelMetrics metrics = StoredModel.metrics(directory);
        return load(directory, project, metrics, EvaluationDevice.choose(evaluationDevice, metrics.device()));
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    private static LoadedModel load(ModelDirectory directory, Path project, ModelMetrics metrics, Device device)
            throws IOException, SpecException {
        StoredModel stored = StoredModel.read(directory, project, metrics);
        ModelSpec spec = stored.spec();
        ChannelNormalization normalization = stored.normalization();
        List<LayerShape> shapes = ShapeInference.infer(spec);
        Model model = Model.newInstance(spec.name(), device, "PyTorch");
        try (InputStream in = Files.newInputStream(directory.parameters());
                DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            Block network = network(directory, shapes, model);
            network.loadParameters(model.getNDManager(), data);
            model.setBlock(network);
            return new LoadedModel(model, spec, metrics, normalization);
        } catch (MalformedModelException | IOException e) {
            model.close();
            ModelIntegrityException damaged = new ModelIntegrityException(
                    directory.parameters(),
                    directory.parameters() + " does not fit the network of " + directory.spec() + " (" + firstLine(e)
                            + "); retrain the model with 'mvn cnn:train -Dcnn.force=true'");
            damaged.initCause(e);
            throw damaged;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Builds the network; a torchscript layer's module is first loaded from the copy the directory carries, then
     * replaced by the trained one that {@value ModelDirectory#PARAMETERS} holds.
     */
    private static Block network(ModelDirectory directory, List<LayerShape> shapes, Model model) throws IOException {
        if (shapes.stream().noneMatch(shape -> shape.layer() instanceof TorchScriptLayer)) {
            return NetworkBuilder.build(shapes);
        }
        return NetworkBuilder.build(
                shapes, model.getNDManager(), index -> directory.root().resolve(ModelDirectory.moduleFile(index)));
    }

    /** Returns the network with its learnt parameters. */
    public Block network() {
        return model.getBlock();
    }

    /** Returns the manager that owns the parameters; evaluate with it or a sub-manager of it. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /**
     * Returns the network with what it needs to be fed: the spec's input shape and classes, pixels in [0, 1],
     * normalised as it was trained ({@value ChannelNormalization#FILE_NAME} in its directory, if any).
     */
    public ImageClassifier classifier() {
        return new ImageClassifier(
                network(), manager(), spec.input(), spec.classes(), PixelScaling.UNIT, normalization);
    }

    /** Returns the spec the model was trained from. */
    public ModelSpec spec() {
        return spec;
    }

    /** Returns the metrics the trainer stored. */
    public ModelMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        model.close();
    }
}

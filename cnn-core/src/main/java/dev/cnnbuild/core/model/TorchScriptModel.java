package dev.cnnbuild.core.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.spec.InputShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A TorchScript file ({@code torch.jit.save} of a scripted or traced module) trained elsewhere, loaded into the
 * PyTorch engine to be measured like a model of this project. The module takes a {@code float32} batch of shape
 * {@code N x C x H x W} and returns {@code N x classes} logits (unnormalised scores, what
 * {@code nn.CrossEntropyLoss} takes). Close it to free the engine's memory.
 *
 * <pre>{@code
 * try (TorchScriptModel model = TorchScriptModel.load(Path.of("mnist.pt"), new InputShape(1, 28, 28), 10,
 *         PixelScaling.normalized(0.1307, 0.3081), Device.cpu())) {
 *     Evaluation evaluation = model.classifier().evaluate(testSet, 1000);
 * }
 * }</pre>
 */
public final class TorchScriptModel implements AutoCloseable {
    private final Model model;
    private final ImageClassifier classifier;

    private TorchScriptModel(Model model, ImageClassifier classifier) {
        this.model = model;
        this.classifier = classifier;
    }

    /**
     * Loads a TorchScript file and checks that it maps one image of the given shape to one logit per class.
     *
     * @param file the {@code .pt} file
     * @param input the shape of one input image
     * @param classes the number of classes it outputs
     * @param scaling how it expects its pixels
     * @param device where it runs
     * @return the loaded model; the caller closes it
     * @throws IOException if the file is missing, is not TorchScript, or does not fit the shape or class count
     */
    public static TorchScriptModel load(Path file, InputShape input, int classes, PixelScaling scaling, Device device)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("TorchScript file " + file + " not found; save one with torch.jit.save("
                    + "torch.jit.script(module), path)");
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Model model = Model.newInstance(name, device, "PyTorch");
        try {
            try {
                model.load(file, name, Map.of());
            } catch (MalformedModelException | EngineException e) {
                throw new IOException(
                        "TorchScript file " + file + " cannot be loaded by the PyTorch engine (" + e.getMessage()
                                + "); save it with torch.jit.save",
                        e);
            }
            ImageClassifier classifier =
                    new ImageClassifier(model.getBlock(), model.getNDManager(), input, classes, scaling);
            checkOutput(file, classifier);
            return new TorchScriptModel(model, classifier);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Returns the network with what it needs to be fed. */
    public ImageClassifier classifier() {
        return classifier;
    }

    @Override
    public void close() {
        model.close();
    }

    private static void checkOutput(Path file, ImageClassifier classifier) throws IOException {
        InputShape input = classifier.input();
        if (input.channels() != 1) {
            throw new IOException("TorchScript file " + file + ": input " + shape(input) + " has " + input.channels()
                    + " channels, but images are grey-scale; give 1 channel");
        }
        ImageSet blank = new ImageSet(1, input.height(), input.width(), new byte[input.height() * input.width()]);
        long[] output;
        try {
            output = classifier.outputShape(blank, 0);
        } catch (EngineException e) {
            throw new IOException(
                    "TorchScript file " + file + " does not take " + shape(input) + " images: "
                            + TorchScriptError.cause(e.getMessage()) + ". Give the input size it was trained on; the"
                            + " engine's TorchScript trace is in this exception's cause",
                    e);
        }
        if (!Arrays.equals(output, new long[] {1, classifier.classes()})) {
            throw new IOException("TorchScript file " + file + " returns shape " + Arrays.toString(output)
                    + " for one " + shape(input) + " image, but " + classifier.classes() + " classes were given;"
                    + " it must return one logit per class, shape [1, " + classifier.classes() + "]");
        }
    }

    private static String shape(InputShape input) {
        return input.channels() + "x" + input.height() + "x" + input.width();
    }
}

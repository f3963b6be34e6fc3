package dev.cnnbuild.test;

import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.spec.InputShape;
import java.nio.file.Path;

/**
 * Loads a TorchScript file trained elsewhere as a {@link CnnModel}, given what the file does not say: the shape of
 * its input images, its class count and how it expects its pixels scaled. The module must take a {@code float32}
 * batch {@code N x 1 x H x W} and return {@code N x classes} logits; loading checks that on a blank image.
 *
 * <pre>{@code
 * CnnModel model = CnnModel.torchScript(Path.of("src/test/resources/mnist.pt"))
 *         .setInput(1, 28, 28)
 *         .setClasses(10)
 *         .optPixelScaling(PixelScaling.normalized(0.1307, 0.3081))   // torchvision's Normalize
 *         .optTestSet(TestSet.idx(images, labels))
 *         .load();
 * }</pre>
 */
public final class TorchScriptModelBuilder {
    private final Path file;
    private String name;
    private InputShape input;
    private int classes;
    private PixelScaling scaling = PixelScaling.UNIT;
    private TestSet testSet;

    TorchScriptModelBuilder(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    /** Sets the shape of one input image (required); images are grey-scale, so {@code channels} is 1. */
    public TorchScriptModelBuilder setInput(int channels, int height, int width) {
        this.input = new InputShape(channels, height, width);
        return this;
    }

    /** Sets the number of classes, the length of the module's output (required). */
    public TorchScriptModelBuilder setClasses(int classes) {
        this.classes = classes;
        return this;
    }

    /** Sets how the module expects its pixels; {@link PixelScaling#UNIT} ({@code [0, 1]}) unless given. */
    public TorchScriptModelBuilder optPixelScaling(PixelScaling scaling) {
        this.scaling = scaling;
        return this;
    }

    /** Sets the test set assertions use by default; without one, each assertion needs {@code evaluatedOn}. */
    public TorchScriptModelBuilder optTestSet(TestSet testSet) {
        this.testSet = testSet;
        return this;
    }

    /** Sets the name failure messages use; the file name without its extension unless given. */
    public TorchScriptModelBuilder optName(String name) {
        this.name = name;
        return this;
    }

    /**
     * Loads the file.
     *
     * @return the model; the caller closes it
     * @throws IllegalStateException if the input shape or class count is not set
     * @throws CnnModelException if the file is missing, is not TorchScript, or does not return one logit per class
     */
    public CnnModel load() {
        if (input == null || classes < 1) {
            throw new IllegalStateException("a TorchScript model needs setInput(channels, height, width) and"
                    + " setClasses(n): the file does not say them");
        }
        return CnnModel.ofTorchScript(name, file, input, classes, scaling, testSet);
    }
}

package dev.cnnbuild.core.spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A layer with the shapes that go in and out of it, as found by {@link ShapeInference}.
 *
 * <pre>{@code
 * LayerShape first = ShapeInference.infer(spec).get(0);
 * first.index();            // 1
 * first.input();            // 1x28x28
 * first.output();           // 16x24x24
 * first.parameterCount();   // 416 = 16*1*5*5 weights + 16 biases
 * }</pre>
 *
 * @param layer the layer
 * @param index the layer's 1-based position in the {@code layers} list, as used in messages
 * @param input the shape going in
 * @param output the shape coming out
 */
public record LayerShape(LayerSpec layer, int index, TensorShape input, TensorShape output) {

    /**
     * The number of trainable parameters of the layer.
     *
     * @return weights and biases of conv2d and linear, scale and shift of batchnorm, the values stored in a torchscript
     *     module's file ({@link TorchScriptArchive#storedValues()}, buffers included; 0 when the file cannot be
     *     read), 0 for the others
     */
    public long parameterCount() {
        return (long) parameters();
    }

    /**
     * The number of trainable parameters as a double, so that an absurd network's count does not overflow before
     * {@link TrainingMemory} refuses it.
     */
    double parameters() {
        if (layer instanceof TorchScriptLayer module) {
            return storedValues(module.file());
        }
        if (layer instanceof Conv2dLayer conv) {
            double weights = (double) conv.filters() * (input.dim(0) / conv.groups()) * conv.kernel() * conv.kernel();
            return weights + (conv.bias() ? conv.filters() : 0);
        }
        if (layer instanceof LinearLayer linear) {
            return (double) input.size() * linear.units() + linear.units();
        }
        if (layer instanceof BatchNormLayer) {
            return 2.0 * input.dim(0);
        }
        return 0;
    }

    private static long storedValues(Path file) {
        try {
            return TorchScriptArchive.read(file).storedValues();
        } catch (IOException e) {
            return 0;
        }
    }
}

package dev.cnnbuild.core.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
 * @param index the layer's 1-based position in its list (the {@code layers} list, or a residual block's or a
 *     repeat's), as used in messages
 * @param input the shape going in
 * @param output the shape coming out
 * @param inner the shapes of the layers inside a residual block, in order, or of every copy of a repeat's layers,
 *     copy after copy; empty for the other layers
 */
public record LayerShape(LayerSpec layer, int index, TensorShape input, TensorShape output, List<LayerShape> inner) {

    /** Copies the inner shapes. */
    public LayerShape {
        inner = List.copyOf(inner);
    }

    /**
     * A layer that holds no other layers.
     *
     * @param layer the layer
     * @param index the layer's 1-based position in its list
     * @param input the shape going in
     * @param output the shape coming out
     */
    public LayerShape(LayerSpec layer, int index, TensorShape input, TensorShape output) {
        this(layer, index, input, output, List.of());
    }

    /**
     * The number of trainable parameters of the layer.
     *
     * @return weights and biases of conv2d and linear, scale and shift of batchnorm, the values stored in a torchscript
     *     module's file ({@link TorchScriptArchive#storedValues()}, buffers included; 0 when the file cannot be
     *     read or is an artifact not resolved), the sum of the layers inside a residual block (with its projection shortcut's weights, scales and
     *     shifts) or a repeat, 0 for the others
     */
    public long parameterCount() {
        return (long) parameters();
    }

    /**
     * Whether the layer is a residual block whose shortcut is a projection: a 1x1 convolution without bias with
     * {@link #stride()}, then a batchnorm, taking the input to the output's shape.
     *
     * @return true for a residual block whose layers change the shape, or whose shortcut is {@code projection}
     */
    public boolean projects() {
        return layer instanceof ResidualLayer residual
                && (residual.shortcut() == ResidualShortcut.PROJECTION || !input.equals(output));
    }

    /**
     * The factor by which the layer divides the image's sides: a convolution's or pooling's stride, the product of
     * the strides of the layers inside a residual block or a repeat, 1 for the others.
     *
     * @return the stride, at most {@link Integer#MAX_VALUE}
     */
    public int stride() {
        if (layer instanceof Conv2dLayer conv) {
            return conv.stride();
        }
        if (layer instanceof MaxPoolLayer pool) {
            return pool.stride();
        }
        if (layer instanceof AvgPoolLayer pool) {
            return pool.stride();
        }
        long stride = 1;
        for (LayerShape shape : inner) {
            stride = Math.min(stride * shape.stride(), Integer.MAX_VALUE);
        }
        return (int) stride;
    }

    /**
     * The number of trainable parameters as a double, so that an absurd network's count does not overflow before
     * {@link TrainingMemory} refuses it.
     */
    double parameters() {
        if (layer instanceof TorchScriptLayer module) {
            return module.file().map(LayerShape::storedValues).orElse(0L);
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
        double parameters = inner.stream().mapToDouble(LayerShape::parameters).sum();
        if (projects()) {
            parameters += (double) output.dim(0) * input.dim(0) + 2.0 * output.dim(0);
        }
        return parameters;
    }

    /**
     * The values one image produces in the layer, for {@link TrainingMemory}: its output, and in a residual block or
     * a repeat those of every layer inside, with the projection's two and the sum.
     */
    double activations() {
        if (layer instanceof RepeatLayer) {
            return inner.stream().mapToDouble(LayerShape::activations).sum();
        }
        double activations = inner.stream().mapToDouble(LayerShape::activations).sum() + output.size();
        return projects() ? activations + 2.0 * output.size() : activations;
    }

    private static long storedValues(Path file) {
        try {
            return TorchScriptArchive.read(file).storedValues();
        } catch (IOException e) {
            return 0;
        }
    }
}

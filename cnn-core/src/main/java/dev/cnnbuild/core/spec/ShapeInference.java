package dev.cnnbuild.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows one image through the layers, checking that each layer fits the shape it gets.
 *
 * <pre>{@code
 * List<LayerShape> shapes = ShapeInference.infer(spec);   // 1x28x28 -> 16x24x24 -> ... -> 10
 * }</pre>
 *
 * <p>A conv2d layer gives {@code filters x out x out} with
 * {@code out = (in + 2*padding - dilation*(kernel-1) - 1) / stride + 1} per side, rounded down, and its groups must
 * divide its input channels; pooling gives {@code (in - kernel) / stride + 1} per side; global pooling gives one
 * value per channel, flat; flatten gives one dimension; linear needs a flat input and gives {@code units};
 * torchscript gives its declared {@code output}, which training checks against the module; the other layers keep
 * the shape. The last layer must be
 * linear with one unit per class.
 */
public final class ShapeInference {

    private ShapeInference() {}

    /**
     * Finds the shape going in and out of every layer.
     *
     * @param spec the model
     * @return one entry per layer, in order
     * @throws SpecException naming the first layer that does not fit its input, or the last layer if it does not
     *     give one output per class
     */
    public static List<LayerShape> infer(ModelSpec spec) throws SpecException {
        InputShape input = spec.input();
        TensorShape shape = TensorShape.of(input.channels(), input.height(), input.width());
        List<LayerShape> shapes = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            int index = shapes.size() + 1;
            TensorShape output = layer instanceof TorchScriptLayer module
                    ? torchscript(module, index, spec.training().epochs())
                    : output(layer, index, shape);
            shapes.add(new LayerShape(layer, index, shape, output));
            shape = output;
        }
        checkLastLayer(spec);
        return List.copyOf(shapes);
    }

    private static TensorShape output(LayerSpec layer, int index, TensorShape input) throws SpecException {
        if (layer instanceof Conv2dLayer conv) {
            return convolution(conv, index, input);
        }
        if (layer instanceof MaxPoolLayer pool) {
            return pooling(pool, pool.kernel(), pool.stride(), index, input);
        }
        if (layer instanceof AvgPoolLayer pool) {
            return pooling(pool, pool.kernel(), pool.stride(), index, input);
        }
        if (layer instanceof GlobalAvgPoolLayer || layer instanceof GlobalMaxPoolLayer) {
            requireImage(layer, index, input);
            return TensorShape.of(input.dim(0));
        }
        if (layer instanceof FlattenLayer) {
            return TensorShape.of(input.size());
        }
        if (layer instanceof LinearLayer linear) {
            if (!input.isFlat()) {
                throw error(layer, index, "needs a flat input but gets " + input + "; add '- flatten' before it");
            }
            return TensorShape.of(linear.units());
        }
        return input;
    }

    private static TensorShape torchscript(TorchScriptLayer module, int index, int epochs) throws SpecException {
        if (module.frozenEpochs() > 0 && index > 1) {
            throw error(
                    module,
                    index,
                    "a frozen module runs without gradients, so the layers before it would never train; make it"
                            + " layer 1, or write 'trainable: true'");
        }
        if (module.frozenEpochs() != TorchScriptLayer.ALWAYS_FROZEN && module.frozenEpochs() >= epochs) {
            throw error(
                    module,
                    index,
                    "'trainable: {afterEpoch: " + module.frozenEpochs() + "}' keeps it frozen in all " + epochs
                            + " epochs; give a smaller afterEpoch, or write 'trainable: false'");
        }
        return module.output();
    }

    private static TensorShape convolution(Conv2dLayer conv, int index, TensorShape input) throws SpecException {
        requireImage(conv, index, input);
        if (input.dim(0) % conv.groups() != 0) {
            throw error(
                    conv,
                    index,
                    "groups " + conv.groups() + " does not divide its " + input.dim(0) + " input channels (input "
                            + input + "); each group needs the same number of channels, so use a divisor of "
                            + input.dim(0) + " (" + Divisors.near(input.dim(0), conv.groups()) + ")");
        }
        long kernel = conv.span();
        long paddedHeight = input.dim(1) + 2L * conv.padding();
        long paddedWidth = input.dim(2) + 2L * conv.padding();
        if (paddedHeight < kernel || paddedWidth < kernel) {
            String dilated = conv.dilation() == 1 ? "" : " (dilated by " + conv.dilation() + ")";
            throw error(
                    conv,
                    index,
                    "kernel " + kernel + "x" + kernel + dilated + " is larger than its input " + input
                            + " (with padding " + conv.padding() + "); use a smaller kernel"
                            + (conv.dilation() == 1 ? "" : " or dilation") + ", add padding, or remove"
                            + " a pooling layer before it");
        }
        long height = (paddedHeight - kernel) / conv.stride() + 1;
        long width = (paddedWidth - kernel) / conv.stride() + 1;
        if ((double) conv.filters() * height * width > Integer.MAX_VALUE) {
            throw error(
                    conv,
                    index,
                    "its output " + conv.filters() + "x" + height + "x" + width
                            + " has more than " + Integer.MAX_VALUE + " values; use less padding, a larger stride"
                            + " or fewer filters");
        }
        return TensorShape.of(conv.filters(), (int) height, (int) width);
    }

    private static TensorShape pooling(LayerSpec pool, int kernel, int stride, int index, TensorShape input)
            throws SpecException {
        requireImage(pool, index, input);
        if (input.dim(1) < kernel || input.dim(2) < kernel) {
            throw error(
                    pool,
                    index,
                    "kernel " + kernel + "x" + kernel + " is larger than its input " + input
                            + "; use a smaller kernel or remove a pooling layer before it");
        }
        int height = (input.dim(1) - kernel) / stride + 1;
        int width = (input.dim(2) - kernel) / stride + 1;
        return TensorShape.of(input.dim(0), height, width);
    }

    private static void requireImage(LayerSpec layer, int index, TensorShape input) throws SpecException {
        if (input.isFlat()) {
            throw error(
                    layer,
                    index,
                    "needs an image input (channels x height x width) but gets " + input
                            + "; move it before the flatten");
        }
    }

    private static void checkLastLayer(ModelSpec spec) throws SpecException {
        LayerSpec last = spec.layers().get(spec.layers().size() - 1);
        int classes = spec.classes();
        if (!(last instanceof LinearLayer linear)) {
            throw SpecException.at(
                    last.location(),
                    "the last layer is " + last.type() + ", but it must be linear with " + classes
                            + " units, one per class; end the layers with '- linear: {units: " + classes + "}'");
        }
        if (linear.units() != classes) {
            throw SpecException.at(
                    last.location(),
                    "the last layer is linear with " + linear.units()
                            + " units, but the model has " + classes + " classes; make the last layer 'linear: {units: "
                            + classes + "}'");
        }
    }

    private static SpecException error(LayerSpec layer, int index, String problem) {
        return SpecException.at(layer.location(), "layer " + index + " (" + layer.type() + "): " + problem);
    }
}

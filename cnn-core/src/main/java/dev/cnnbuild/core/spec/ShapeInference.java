package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Counted;
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
 * the shape. A repeat follows the shape through each copy of its layers in turn; a residual block gives its layers'
 * output, which must be its input's shape, or, unless its shortcut is {@code identity}, the shape that a 1x1
 * convolution with the layers' stride gives (other filters, each side {@code (in - 1) / stride + 1}). Messages
 * number a layer inside layer 3 as {@code layer 3.1}. The last layer must be
 * linear with one unit per class.
 */
public final class ShapeInference {

    /** The most layers a network may have once its repeats are written out. */
    public static final int MOST_LAYERS = 10_000;

    private ShapeInference() {}

    /**
     * Finds the shape going in and out of every layer.
     *
     * @param spec the model
     * @return one entry per layer, in order; a residual block's and a repeat's entry holds its layers' entries
     * @throws SpecException naming the first layer that does not fit its input, or the last layer if it does not
     *     give one output per class
     */
    public static List<LayerShape> infer(ModelSpec spec) throws SpecException {
        InputShape input = spec.input();
        TensorShape shape = TensorShape.of(input.channels(), input.height(), input.width());
        List<LayerShape> shapes = new Walk(spec.training().epochs()).layers(spec.layers(), shape, "", "");
        checkLastLayer(spec);
        return shapes;
    }

    /** One pass through the layers, counting them as repeats write them out. */
    private static final class Walk {
        private final int epochs;
        private int count;

        Walk(int epochs) {
            this.epochs = epochs;
        }

        /**
         * The shapes of a list of layers.
         *
         * @param prefix what the layers' numbers follow in messages: empty at the top, {@code "3."} inside layer 3
         * @param copy which copies of repeats the layers are in, for messages: empty, or such as
         *     {@code ", in copy 2 of 3 of layer 4"}
         */
        List<LayerShape> layers(List<LayerSpec> layers, TensorShape input, String prefix, String copy)
                throws SpecException {
            TensorShape shape = input;
            List<LayerShape> shapes = new ArrayList<>();
            for (LayerSpec layer : layers) {
                int index = shapes.size() + 1;
                String name = "layer " + prefix + index + " (" + layer.type() + copy + ")";
                count++;
                LayerShape result = shape(layer, index, shape, name, prefix + index, copy);
                shapes.add(result);
                shape = result.output();
            }
            return List.copyOf(shapes);
        }

        private LayerShape shape(LayerSpec layer, int index, TensorShape input, String name, String number, String copy)
                throws SpecException {
            if (layer instanceof TorchScriptLayer module) {
                if (number.contains(".")) {
                    throw error(
                            module,
                            name,
                            "a torchscript module cannot be inside a residual block or a repeat; make it a layer of"
                                    + " its own in 'layers', before them");
                }
                return new LayerShape(layer, index, input, torchscript(module, index, name, epochs));
            }
            if (layer instanceof ResidualLayer residual) {
                List<LayerShape> inner = layers(residual.layers(), input, number + ".", copy);
                TensorShape output = inner.get(inner.size() - 1).output();
                LayerShape shape = new LayerShape(layer, index, input, output, inner);
                checkShortcut(residual, shape, name);
                return shape;
            }
            if (layer instanceof RepeatLayer repeat) {
                List<LayerShape> inner = new ArrayList<>();
                TensorShape shape = input;
                for (int copyIndex = 1; copyIndex <= repeat.times(); copyIndex++) {
                    String note = copy + ", in copy " + copyIndex + " of " + repeat.times() + " of layer " + number;
                    List<LayerShape> copyShapes = layers(repeat.layers(), shape, number + ".", note);
                    inner.addAll(copyShapes);
                    shape = copyShapes.get(copyShapes.size() - 1).output();
                    if (count > MOST_LAYERS) {
                        throw error(
                                layer,
                                name,
                                "the network has more than " + MOST_LAYERS + " layers once its repeats are written"
                                        + " out; repeat fewer times or fewer layers");
                    }
                }
                return new LayerShape(layer, index, input, shape, inner);
            }
            return new LayerShape(layer, index, input, output(layer, name, input));
        }
    }

    /** A residual block's output must be its input's shape, or one that a projection shortcut gives. */
    private static void checkShortcut(ResidualLayer residual, LayerShape shape, String name) throws SpecException {
        TensorShape input = shape.input();
        TensorShape output = shape.output();
        if (input.equals(output) && residual.shortcut() != ResidualShortcut.PROJECTION) {
            return;
        }
        if (residual.shortcut() == ResidualShortcut.IDENTITY) {
            throw error(
                    residual,
                    name,
                    "its layers turn " + input + " into " + output + ", but 'shortcut: identity' adds the input"
                            + " unchanged, so the shapes cannot be added; remove 'shortcut: identity' (a 1x1"
                            + " convolution with stride " + shape.stride() + " and a batchnorm then match them), or"
                            + " keep the filters and use stride 1 with padding (kernel 3: padding 1)");
        }
        if (input.isFlat() || output.isFlat()) {
            throw error(
                    residual,
                    name,
                    "its layers turn " + input + " into " + output + ", but a residual block's output is added to"
                            + " its input, so both must have one shape, and only images can be projected by a 1x1"
                            + " convolution; keep the shape (the same units, no flatten or global pooling inside)");
        }
        int stride = shape.stride();
        long height = (input.dim(1) - 1L) / stride + 1;
        long width = (input.dim(2) - 1L) / stride + 1;
        if (height != output.dim(1) || width != output.dim(2)) {
            throw error(
                    residual,
                    name,
                    "its layers turn " + input + " into " + output + ", but the shortcut, a 1x1 convolution with"
                            + " their stride " + stride + ", gives " + output.dim(0) + "x" + height + "x" + width
                            + ", so the shapes cannot be added; pad each convolution so that only its stride"
                            + " changes the size (kernel 3: padding 1, kernel 5: padding 2)");
        }
    }

    private static TensorShape output(LayerSpec layer, String name, TensorShape input) throws SpecException {
        if (layer instanceof Conv2dLayer conv) {
            return convolution(conv, name, input);
        }
        if (layer instanceof MaxPoolLayer pool) {
            return pooling(pool, pool.kernel(), pool.stride(), name, input);
        }
        if (layer instanceof AvgPoolLayer pool) {
            return pooling(pool, pool.kernel(), pool.stride(), name, input);
        }
        if (layer instanceof GlobalAvgPoolLayer || layer instanceof GlobalMaxPoolLayer) {
            requireImage(layer, name, input);
            return TensorShape.of(input.dim(0));
        }
        if (layer instanceof FlattenLayer) {
            return TensorShape.of(input.size());
        }
        if (layer instanceof LinearLayer linear) {
            if (!input.isFlat()) {
                throw error(layer, name, "needs a flat input but gets " + input + "; add '- flatten' before it");
            }
            return TensorShape.of(linear.units());
        }
        return input;
    }

    private static TensorShape torchscript(TorchScriptLayer module, int index, String name, int epochs)
            throws SpecException {
        if (module.frozenEpochs() > 0 && index > 1) {
            throw error(
                    module,
                    name,
                    "a frozen module runs without gradients, so the layers before it would never train; make it"
                            + " layer 1, or write 'trainable: true'");
        }
        if (module.frozenEpochs() != TorchScriptLayer.ALWAYS_FROZEN && module.frozenEpochs() >= epochs) {
            throw error(
                    module,
                    name,
                    "'trainable: {afterEpoch: " + module.frozenEpochs() + "}' keeps it frozen in "
                            + (epochs == 1 ? "the only epoch" : "all " + Counted.of(epochs, "epoch"))
                            + "; give a smaller afterEpoch, or write 'trainable: false'");
        }
        return module.output();
    }

    private static TensorShape convolution(Conv2dLayer conv, String name, TensorShape input) throws SpecException {
        requireImage(conv, name, input);
        if (input.dim(0) % conv.groups() != 0) {
            throw error(
                    conv,
                    name,
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
                    name,
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
                    name,
                    "its output " + conv.filters() + "x" + height + "x" + width
                            + " has more than " + Integer.MAX_VALUE + " values; use less padding, a larger stride"
                            + " or fewer filters");
        }
        return TensorShape.of(conv.filters(), (int) height, (int) width);
    }

    private static TensorShape pooling(LayerSpec pool, int kernel, int stride, String name, TensorShape input)
            throws SpecException {
        requireImage(pool, name, input);
        if (input.dim(1) < kernel || input.dim(2) < kernel) {
            throw error(
                    pool,
                    name,
                    "kernel " + kernel + "x" + kernel + " is larger than its input " + input
                            + "; use a smaller kernel or remove a pooling layer before it");
        }
        int height = (input.dim(1) - kernel) / stride + 1;
        int width = (input.dim(2) - kernel) / stride + 1;
        return TensorShape.of(input.dim(0), height, width);
    }

    private static void requireImage(LayerSpec layer, String name, TensorShape input) throws SpecException {
        if (input.isFlat()) {
            throw error(
                    layer,
                    name,
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

    /** An error at a layer; {@code name} is such as {@code layer 3.2 (conv2d)}. */
    private static SpecException error(LayerSpec layer, String name, String problem) {
        return SpecException.at(layer.location(), name + ": " + problem);
    }
}

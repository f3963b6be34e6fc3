package dev.cnnbuild.core.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.cnnbuild.core.spec.AvgPoolLayer;
import dev.cnnbuild.core.spec.BatchNormLayer;
import dev.cnnbuild.core.spec.Conv2dLayer;
import dev.cnnbuild.core.spec.DropoutLayer;
import dev.cnnbuild.core.spec.FlattenLayer;
import dev.cnnbuild.core.spec.GeluLayer;
import dev.cnnbuild.core.spec.GlobalAvgPoolLayer;
import dev.cnnbuild.core.spec.GlobalMaxPoolLayer;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.LayerSpec;
import dev.cnnbuild.core.spec.LeakyReluLayer;
import dev.cnnbuild.core.spec.LinearLayer;
import dev.cnnbuild.core.spec.MaxPoolLayer;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ReluLayer;
import dev.cnnbuild.core.spec.RepeatLayer;
import dev.cnnbuild.core.spec.ResidualLayer;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.spec.SigmoidLayer;
import dev.cnnbuild.core.spec.SiluLayer;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.spec.TanhLayer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes a trained network built from a model file's layers ({@code nn.NetworkBuilder}) as an ONNX model (IR
 * version 7, opset 13), the file other runtimes (ONNX Runtime, OpenCV, TensorRT, a browser) load.
 *
 * <p>The graph's input {@value #INPUT} is the preprocessed batch, {@code float32} of shape
 * {@code N x C x H x W} (pixels scaled to {@code [0, 1]}, then normalised as {@code normalization.json} says); its
 * output {@value #OUTPUT} is the {@code N x classes} logits, as the DJL network computes them. Each layer becomes
 * the ONNX operator of the same meaning: {@code Conv} (with stride, padding, dilation and groups; no bias input
 * when the layer has none), {@code MaxPool}, {@code AveragePool}, {@code GlobalAveragePool} and
 * {@code GlobalMaxPool} (each followed by a {@code Flatten}), {@code Relu}, {@code Sigmoid}, {@code Tanh},
 * {@code LeakyRelu}, {@code gelu} as its exact formula {@code 0.5·x·(1 + Erf(x/√2))} (opset 13 has no
 * {@code Gelu}), {@code silu} as {@code x·Sigmoid(x)}, {@code BatchNormalization} with the running statistics (on
 * images or on the flat output of a linear layer), {@code Flatten} (of the logical {@code C x H x W} order,
 * whatever the memory layout training used), {@code Gemm} for {@code linear}; {@code dropout} is the identity at
 * inference and writes nothing. A residual block writes its layers, its shortcut (the input itself, or a 1x1
 * {@code Conv} without bias and a {@code BatchNormalization}) and the {@code Add} of the two; a repeat writes every
 * copy of its layers in turn. The weights are the network's own parameters, stored in the file.
 *
 * <pre>{@code
 * try (LoadedModel model = LoadedModel.load(directory, Device.cpu())) {
 *     byte[] onnx = OnnxExporter.export(model.spec(), model.network());
 * }
 * }</pre>
 */
public final class OnnxExporter {
    /** The file name of the exported model in a model directory. */
    public static final String FILE_NAME = "model.onnx";
    /** The name of the graph's input, the preprocessed {@code N x C x H x W} batch. */
    public static final String INPUT = "input";
    /** The name of the graph's output, the {@code N x classes} logits. */
    public static final String OUTPUT = "logits";
    /** The ONNX operator set the file uses. */
    public static final int OPSET = 13;

    private static final int IR_VERSION = 7;
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;
    private static final float BATCH_NORM_EPSILON = 1e-5f;
    private static final float SQRT_2 = (float) Math.sqrt(2);

    private OnnxExporter() {}

    /**
     * Returns the ONNX model of a network built from the spec's layers, with its current parameters.
     *
     * @param spec the spec the network was built from
     * @param network the trained network
     * @return the bytes of the {@code .onnx} file
     * @throws OnnxExportException if the network is not one built from the spec's layers, such as a TorchScript
     *     module, whose operations this exporter does not know
     */
    public static byte[] export(ModelSpec spec, Block network) throws OnnxExportException {
        if (!(network instanceof SequentialBlock sequential)) {
            throw new OnnxExportException("the network of " + spec.name() + " is a "
                    + network.getClass().getSimpleName() + " (such as a TorchScript module), not one built from a"
                    + " model file's layers, so it cannot be exported to ONNX; export the original module with"
                    + " torch.onnx.export");
        }
        List<Block> blocks = sequential.getChildren().values();
        if (blocks.size() != spec.layers().size()) {
            throw new OnnxExportException("the network of " + spec.name() + " has " + blocks.size()
                    + " blocks but its model file " + spec.layers().size()
                    + " layers, so it was not built from that file and cannot be exported to ONNX");
        }
        List<LayerShape> shapes;
        try {
            shapes = ShapeInference.infer(spec);
        } catch (SpecException e) {
            throw new OnnxExportException("the model file of " + spec.name() + " does not check, so its network"
                    + " cannot be exported to ONNX: " + e.getMessage());
        }
        ProtoWriter graph = new ProtoWriter().string(2, spec.name());
        new Layers(graph, spec).sequence(shapes, blocks, "", INPUT, OUTPUT);
        graph.message(
                11,
                valueInfo(
                        INPUT,
                        "N",
                        spec.input().channels(),
                        spec.input().height(),
                        spec.input().width()));
        graph.message(12, valueInfo(OUTPUT, "N", spec.classes()));
        return new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "cnn-build")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    /** Writes the nodes of a network's layers into a graph. */
    private static final class Layers {
        private final ProtoWriter graph;
        private final ModelSpec spec;

        Layers(ProtoWriter graph, ModelSpec spec) {
            this.graph = graph;
            this.spec = spec;
        }

        /**
         * Writes a list of layers, the top-level ones or those inside a residual block or a repeat.
         *
         * @param path what the layers' numbers follow in node names: empty at the top, {@code "3_"} inside layer 3
         * @param last the name of the last node's output, or {@code null} for names of its own
         * @return the name of the list's output
         */
        String sequence(List<LayerShape> shapes, List<Block> blocks, String path, String input, String last)
                throws OnnxExportException {
            if (blocks.size() != shapes.size()) {
                throw new OnnxExportException("the network of " + spec.name() + " has " + blocks.size()
                        + " blocks where its model file has " + shapes.size() + " layers (layer "
                        + path.replace('_', '.') + "), so it was not built from that file and cannot be exported to"
                        + " ONNX");
            }
            int lastWritten = lastWritten(shapes);
            String current = input;
            for (int i = 0; i < shapes.size(); i++) {
                LayerShape shape = shapes.get(i);
                if (shape.layer() instanceof DropoutLayer) {
                    continue;
                }
                String number = path + (i + 1);
                String output = last != null && i == lastWritten
                        ? last
                        : "layer" + number + "_" + shape.layer().type();
                current = layer(shape, blocks.get(i), number, current, output);
            }
            return current;
        }

        private static int lastWritten(List<LayerShape> shapes) {
            for (int i = shapes.size() - 1; i >= 0; i--) {
                if (!(shapes.get(i).layer() instanceof DropoutLayer)) {
                    return i;
                }
            }
            return -1;
        }

        private String layer(LayerShape shape, Block block, String number, String input, String output)
                throws OnnxExportException {
            LayerSpec layer = shape.layer();
            String prefix = "layer" + number + "_";
            if (layer instanceof ResidualLayer) {
                residual(shape, block, number, input, output);
            } else if (layer instanceof RepeatLayer) {
                requireBlock(block, SequentialBlock.class, number, layer);
                sequence(shape.inner(), children(block), number + "_", input, output);
            } else if (layer instanceof Conv2dLayer conv) {
                requireBlock(block, Conv2d.class, number, layer);
                convolution(
                        prefix,
                        block,
                        input,
                        output,
                        conv.kernel(),
                        conv.stride(),
                        conv.padding(),
                        conv.dilation(),
                        conv.groups());
            } else if (layer instanceof LinearLayer) {
                requireBlock(block, Linear.class, number, layer);
                String weight = initializer(graph, prefix + "weight", block, "weight");
                String bias = initializer(graph, prefix + "bias", block, "bias");
                graph.message(
                        1,
                        node("Gemm", prefix, List.of(input, weight, bias), output)
                                .message(5, integer("transB", 1)));
            } else if (layer instanceof BatchNormLayer) {
                requireBlock(block, BatchNorm.class, number, layer);
                batchNorm(prefix, block, input, output);
            } else {
                activationOrPooling(layer, number, input, output);
            }
            return output;
        }

        /**
         * A residual block: its layers from the input, the shortcut (the input itself, or a 1x1 {@code Conv} and a
         * {@code BatchNormalization}), and the {@code Add} of the two.
         */
        private void residual(LayerShape shape, Block block, String number, String input, String output)
                throws OnnxExportException {
            LayerSpec layer = shape.layer();
            requireBlock(block, ParallelBlock.class, number, layer);
            List<Block> paths = children(block);
            if (paths.size() != 2) {
                throw notBuiltFromTheFile(number, layer, "a block of " + paths.size() + " paths");
            }
            requireBlock(paths.get(0), SequentialBlock.class, number, layer);
            String prefix = "layer" + number + "_";
            String main = sequence(shape.inner(), children(paths.get(0)), number + "_", input, null);
            String shortcut = input;
            if (shape.projects()) {
                requireBlock(paths.get(1), SequentialBlock.class, number, layer);
                List<Block> projection = children(paths.get(1));
                if (projection.size() != 2
                        || !(projection.get(0) instanceof Conv2d)
                        || !(projection.get(1) instanceof BatchNorm)) {
                    throw notBuiltFromTheFile(number, layer, "a shortcut other than a convolution and a batch norm");
                }
                String projected = prefix + "shortcut_conv";
                shortcut = prefix + "shortcut";
                convolution(prefix + "shortcut_", projection.get(0), input, projected, 1, shape.stride(), 0, 1, 1);
                batchNorm(prefix + "shortcut_", projection.get(1), projected, shortcut);
            }
            graph.message(1, node("Add", prefix, List.of(main, shortcut), output));
        }

        /** Writes a {@code Conv} node with the block's weight, and its bias if it has one. */
        private void convolution(
                String prefix,
                Block block,
                String input,
                String output,
                int kernel,
                int stride,
                int padding,
                int dilation,
                int groups) {
            String weight = initializer(graph, prefix + "weight", block, "weight");
            List<String> inputs = block.getParameters().contains("bias")
                    ? List.of(input, weight, initializer(graph, prefix + "bias", block, "bias"))
                    : List.of(input, weight);
            graph.message(
                    1,
                    node("Conv", prefix, inputs, output)
                            .message(5, ints("kernel_shape", kernel, kernel))
                            .message(5, ints("strides", stride, stride))
                            .message(5, ints("pads", padding, padding, padding, padding))
                            .message(5, ints("dilations", dilation, dilation))
                            .message(5, integer("group", groups)));
        }

        private void batchNorm(String prefix, Block block, String input, String output) {
            List<String> inputs = List.of(
                    input,
                    initializer(graph, prefix + "gamma", block, "gamma"),
                    initializer(graph, prefix + "beta", block, "beta"),
                    initializer(graph, prefix + "running_mean", block, "runningMean"),
                    initializer(graph, prefix + "running_var", block, "runningVar"));
            graph.message(
                    1,
                    node("BatchNormalization", prefix, inputs, output).message(5, real("epsilon", BATCH_NORM_EPSILON)));
        }

        /** The layers without parameters: activations, poolings, flatten. */
        private void activationOrPooling(LayerSpec layer, String number, String input, String output)
                throws OnnxExportException {
            String prefix = "layer" + number + "_";
            if (layer instanceof MaxPoolLayer pool) {
                graph.message(1, pooling("MaxPool", prefix, input, output, pool.kernel(), pool.stride()));
            } else if (layer instanceof AvgPoolLayer pool) {
                graph.message(1, pooling("AveragePool", prefix, input, output, pool.kernel(), pool.stride()));
            } else if (layer instanceof GlobalAvgPoolLayer) {
                globalPooling(graph, "GlobalAveragePool", prefix, input, output);
            } else if (layer instanceof GlobalMaxPoolLayer) {
                globalPooling(graph, "GlobalMaxPool", prefix, input, output);
            } else if (layer instanceof ReluLayer) {
                graph.message(1, node("Relu", prefix, List.of(input), output));
            } else if (layer instanceof SigmoidLayer) {
                graph.message(1, node("Sigmoid", prefix, List.of(input), output));
            } else if (layer instanceof TanhLayer) {
                graph.message(1, node("Tanh", prefix, List.of(input), output));
            } else if (layer instanceof GeluLayer) {
                gelu(graph, prefix, input, output);
            } else if (layer instanceof SiluLayer) {
                String sigmoid = prefix + "sigmoid";
                graph.message(1, node("Sigmoid", prefix, List.of(input), sigmoid));
                graph.message(1, node("Mul", prefix, List.of(input, sigmoid), output));
            } else if (layer instanceof LeakyReluLayer leaky) {
                graph.message(
                        1, node("LeakyRelu", prefix, List.of(input), output).message(5, real("alpha", (float)
                                leaky.slope())));
            } else if (layer instanceof FlattenLayer) {
                graph.message(1, node("Flatten", prefix, List.of(input), output).message(5, integer("axis", 1)));
            } else {
                throw new OnnxExportException("layer " + number.replace('_', '.') + " of " + spec.name() + " ("
                        + layer.type() + ") has no ONNX operator here");
            }
        }

        private void requireBlock(Block block, Class<?> expected, String number, LayerSpec layer)
                throws OnnxExportException {
            if (!expected.isInstance(block)) {
                throw notBuiltFromTheFile(number, layer, "a " + block.getClass().getSimpleName());
            }
        }

        private OnnxExportException notBuiltFromTheFile(String number, LayerSpec layer, String block) {
            String label = number.replace('_', '.');
            return new OnnxExportException("layer " + label + " of " + spec.name() + " is " + layer.type()
                    + " but the network's block " + label + " is " + block
                    + ", so the network was not built from that file and cannot be exported to ONNX");
        }

        private static List<Block> children(Block block) {
            return block.getChildren().values();
        }
    }

    /** GELU as its exact formula, {@code 0.5·x·(1 + erf(x/√2))}: opset 13 has no Gelu operator. */
    private static void gelu(ProtoWriter graph, String prefix, String input, String output) {
        String scaled = prefix + "scaled";
        String erf = prefix + "erf";
        String shifted = prefix + "shifted";
        String product = prefix + "product";
        graph.message(
                1, node("Div", prefix + "div_", List.of(input, constant(graph, prefix + "sqrt2", SQRT_2)), scaled));
        graph.message(1, node("Erf", prefix, List.of(scaled), erf));
        graph.message(1, node("Add", prefix, List.of(erf, constant(graph, prefix + "one", 1f)), shifted));
        graph.message(1, node("Mul", prefix + "x_", List.of(input, shifted), product));
        graph.message(
                1, node("Mul", prefix + "half_", List.of(product, constant(graph, prefix + "half", 0.5f)), output));
    }

    /** A global pooling, {@code N x C x 1 x 1}, then a flatten to the {@code N x C} that the layer gives. */
    private static void globalPooling(ProtoWriter graph, String op, String prefix, String input, String output) {
        String pooled = prefix + "pooled";
        graph.message(1, node(op, prefix, List.of(input), pooled));
        graph.message(1, node("Flatten", prefix, List.of(pooled), output).message(5, integer("axis", 1)));
    }

    /** Adds a scalar float initializer and returns its name. */
    private static String constant(ProtoWriter graph, String name, float value) {
        ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
        graph.message(5, new ProtoWriter().varint(2, FLOAT).string(8, name).bytes(9, raw.array()));
        return name;
    }

    private static ProtoWriter pooling(String op, String prefix, String input, String output, int kernel, int stride) {
        return node(op, prefix, List.of(input), output)
                .message(5, ints("kernel_shape", kernel, kernel))
                .message(5, ints("strides", stride, stride));
    }

    private static ProtoWriter node(String op, String prefix, List<String> inputs, String output) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        return node.string(2, output).string(3, prefix + op).string(4, op);
    }

    /** Adds the block's parameter as a graph initializer and returns its name. */
    private static String initializer(ProtoWriter graph, String name, Block block, String parameter) {
        Parameter stored = block.getParameters().get(parameter);
        NDArray array = stored.getArray();
        float[] values = array.toFloatArray();
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : array.getShape().getShape()) {
            tensor.varint(1, dim);
        }
        graph.message(5, tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array()));
        return name;
    }

    private static ProtoWriter ints(String name, long... values) {
        ProtoWriter attribute = new ProtoWriter().string(1, name);
        for (long value : values) {
            attribute.varint(8, value);
        }
        return attribute.varint(20, ATTRIBUTE_INTS);
    }

    private static ProtoWriter integer(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    private static ProtoWriter real(String name, float value) {
        return new ProtoWriter().string(1, name).float32(2, value).varint(20, ATTRIBUTE_FLOAT);
    }

    /** A float tensor's name, type and shape; the first dimension is named (the batch), the others fixed. */
    private static ProtoWriter valueInfo(String name, String batch, int... dims) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, batch));
        for (int dim : dims) {
            shape.message(1, new ProtoWriter().varint(1, dim));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}

package dev.cnnbuild.core.nn;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.initializer.UniformInitializer;
import dev.cnnbuild.core.spec.AvgPoolLayer;
import dev.cnnbuild.core.spec.BatchNormLayer;
import dev.cnnbuild.core.spec.CheckedModel;
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
import dev.cnnbuild.core.spec.ReluLayer;
import dev.cnnbuild.core.spec.RepeatLayer;
import dev.cnnbuild.core.spec.ResidualLayer;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.spec.SigmoidLayer;
import dev.cnnbuild.core.spec.SiluLayer;
import dev.cnnbuild.core.spec.TanhLayer;
import dev.cnnbuild.core.spec.TorchScriptLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Turns a model's layers, with the shapes {@link ShapeInference} found for them, into a DJL {@link SequentialBlock},
 * one block per layer. A repeat is a {@link SequentialBlock} of every copy of its layers; a residual block is a
 * {@link ParallelBlock} of a {@link SequentialBlock} of its layers and the shortcut (the identity, or a 1x1
 * convolution without bias and a batch norm), whose outputs it adds. It takes the shapes rather than the spec so that a model's shapes are inferred once per JVM:
 * training takes them from its {@link CheckedModel}. Each sequence and residual block frees a layer's output as soon
 * as the layers after it have consumed it ({@link ReleasingSequentialBlock}, {@link ResidualBlock}), as PyTorch in
 * Python does.
 *
 * <p>Convolution and linear weights and biases start uniform in {@code ±1/sqrt(fan_in)}, as PyTorch's
 * {@code nn.Conv2d} and {@code nn.Linear} do (a grouped convolution's fan-in counts the channels of one group), so a YAML file follows the learning curve of the equivalent PyTorch
 * script; DJL's default (Xavier) would not. The fan-in comes from shape inference. A 1x1 convolution with a stride
 * above 1 is a {@link StridedPointwiseConv2d}, which keeps PyTorch's oneDNN off a kernel that corrupts memory.
 *
 * <pre>{@code
 * CheckedModel model = CheckedModel.read(Path.of("mnist.yaml"), MemoryLimit.machine());
 * SequentialBlock network = NetworkBuilder.build(model.shapes());
 * network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
 * }</pre>
 */
public final class NetworkBuilder {

    private NetworkBuilder() {}

    /**
     * Builds the network; its parameters are created when it is initialised with an input shape.
     *
     * @param shapes every layer with its shapes, in order, as {@link ShapeInference#infer} finds them
     * @return the uninitialised network
     */
    public static SequentialBlock build(List<LayerShape> shapes) {
        SequentialBlock network = new ReleasingSequentialBlock();
        for (LayerShape shape : shapes) {
            network.add(block(shape));
        }
        return network;
    }

    /**
     * Builds a network that may hold {@code torchscript} layers, loading each layer's module from the file given for
     * its index, into the manager's device.
     *
     * <pre>{@code
     * SequentialBlock network = NetworkBuilder.build(model.shapes(), manager, index -> Path.of("backbone.pt"));
     * }</pre>
     *
     * @param shapes every layer with its shapes, in order, as {@link ShapeInference#infer} finds them
     * @param manager the engine's manager that owns the loaded modules
     * @param moduleFiles the TorchScript file of the torchscript layer at a 1-based layer index
     * @return the network, initialised except for the layers other than torchscript
     * @throws IOException if a module cannot be loaded by the engine, naming its file
     */
    public static SequentialBlock build(List<LayerShape> shapes, NDManager manager, IntFunction<Path> moduleFiles)
            throws IOException {
        SequentialBlock network = new ReleasingSequentialBlock();
        for (LayerShape shape : shapes) {
            network.add(
                    shape.layer() instanceof TorchScriptLayer layer
                            ? TorchScriptBlock.of(layer, load(moduleFiles.apply(shape.index()), manager))
                            : block(shape));
        }
        return network;
    }

    /**
     * Returns the torchscript blocks of a network built here, in layer order.
     *
     * @param network the network
     * @return its torchscript blocks; empty when it has none
     */
    public static List<TorchScriptBlock> torchScriptBlocks(Block network) {
        return network.getChildren().values().stream()
                .filter(TorchScriptBlock.class::isInstance)
                .map(TorchScriptBlock.class::cast)
                .toList();
    }

    private static PtSymbolBlock load(Path file, NDManager manager) throws IOException {
        try {
            return JniUtils.loadModule((PtNDManager) manager, file, true, new String[0], new String[0], true);
        } catch (EngineException e) {
            throw new IOException(
                    "TorchScript file " + file + " cannot be loaded by the PyTorch engine ("
                            + e.getMessage().lines().findFirst().orElse("") + "); save it with torch.jit.save",
                    e);
        }
    }

    private static Block block(LayerShape shape) {
        LayerSpec layer = shape.layer();
        if (layer instanceof ResidualLayer) {
            Block shortcut = shape.projects() ? projection(shape) : Blocks.identityBlock();
            return new ResidualBlock(build(shape.inner()), shortcut);
        }
        if (layer instanceof RepeatLayer) {
            return build(shape.inner());
        }
        if (layer instanceof Conv2dLayer conv) {
            int fanIn = shape.input().dim(0) / conv.groups() * conv.kernel() * conv.kernel();
            Conv2d.Builder builder = Conv2d.builder()
                    .setFilters(conv.filters())
                    .setKernelShape(square(conv.kernel()))
                    .optStride(square(conv.stride()))
                    .optPadding(square(conv.padding()))
                    .optDilation(square(conv.dilation()))
                    .optGroups(conv.groups())
                    .optBias(conv.bias());
            return pytorchInitialized(
                    StridedPointwiseConv2d.needed(conv.kernel(), conv.stride(), conv.padding())
                            ? new StridedPointwiseConv2d(builder)
                            : builder.build(),
                    fanIn);
        }
        if (layer instanceof LinearLayer linear) {
            return pytorchInitialized(
                    Linear.builder().setUnits(linear.units()).build(),
                    shape.input().size());
        }
        if (layer instanceof MaxPoolLayer pool) {
            return Pool.maxPool2dBlock(square(pool.kernel()), square(pool.stride()));
        }
        if (layer instanceof AvgPoolLayer pool) {
            return Pool.avgPool2dBlock(square(pool.kernel()), square(pool.stride()));
        }
        if (layer instanceof ReluLayer) {
            return Activation.reluBlock();
        }
        if (layer instanceof SigmoidLayer) {
            return Activation.sigmoidBlock();
        }
        if (layer instanceof TanhLayer) {
            return Activation.tanhBlock();
        }
        if (layer instanceof GeluLayer) {
            return Activation.geluBlock();
        }
        if (layer instanceof SiluLayer) {
            return Activation.swishBlock(1f);
        }
        if (layer instanceof LeakyReluLayer leaky) {
            return Activation.leakyReluBlock((float) leaky.slope());
        }
        if (layer instanceof GlobalAvgPoolLayer) {
            return LambdaBlock.singleton(NetworkBuilder::globalAvgPool, "globalAvgPool2d");
        }
        if (layer instanceof GlobalMaxPoolLayer) {
            return Pool.globalMaxPool2dBlock();
        }
        if (layer instanceof FlattenLayer) {
            return Blocks.batchFlattenBlock();
        }
        if (layer instanceof DropoutLayer dropout) {
            return Dropout.builder().optRate((float) dropout.rate()).build();
        }
        if (layer instanceof BatchNormLayer) {
            return BatchNorm.builder().build();
        }
        throw new IllegalStateException("no block for layer type " + layer.type()
                + (layer instanceof TorchScriptLayer ? " without its module; build with the module files" : ""));
    }

    /**
     * A residual block's projection shortcut: a 1x1 convolution without bias, with the block's stride, to its output
     * channels, then a batch norm (torchvision's {@code downsample}).
     */
    private static Block projection(LayerShape residual) {
        Conv2d.Builder builder = Conv2d.builder()
                .setFilters(residual.output().dim(0))
                .setKernelShape(square(1))
                .optStride(square(residual.stride()))
                .optBias(false);
        Block convolution = pytorchInitialized(
                StridedPointwiseConv2d.needed(1, residual.stride(), 0)
                        ? new StridedPointwiseConv2d(builder)
                        : builder.build(),
                residual.input().dim(0));
        return new ReleasingSequentialBlock()
                .add(convolution)
                .add(BatchNorm.builder().build());
    }

    /**
     * The mean of each channel over its pixels, flat ({@code N x C}), computed as PyTorch's {@code mean} computes it on
     * the CPU, a sum divided by the pixel count: the same values, bit for bit, as DJL's {@code globalAvgPool2d}, whose
     * {@code adaptive_avg_pool2d} hands the preceding layer a gradient that PyTorch's kernels walk several times more
     * slowly on channels-last input.
     */
    private static NDArray globalAvgPool(NDArray input) {
        Shape shape = input.getShape();
        try (NDArray sums = input.sum(new int[] {2, 3})) {
            return ScalarArithmetic.dividedBy(sums, (float) (shape.get(2) * shape.get(3)));
        }
    }

    private static Block pytorchInitialized(Block block, int fanIn) {
        UniformInitializer initializer = new UniformInitializer((float) (1.0 / Math.sqrt(fanIn)));
        block.setInitializer(initializer, Parameter.Type.WEIGHT);
        block.setInitializer(initializer, Parameter.Type.BIAS);
        return block;
    }

    private static Shape square(int size) {
        return new Shape(size, size);
    }
}

package dev.cnnbuild.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ShapeInference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every layer type, residual blocks and repeats included, built as a DJL block and run forward on a tiny random
 * batch, gives the shape that shape inference computed, has the parameter count it reported, and computes what the
 * layer means; a residual block's gradient reaches its input through both of its paths.
 */
class LayerBlocksTest {
    private static final int BATCH = 3;

    /** A ResNet basic block that halves the image and doubles the channels, from 3x12x12. */
    private static final String DOWNSAMPLING_BLOCK = "  - residual:\n"
            + "      layers:\n"
            + "        - conv2d: {filters: 6, kernel: 3, stride: 2, padding: 1, bias: false}\n"
            + "        - batchnorm\n"
            + "        - relu\n"
            + "        - conv2d: {filters: 6, kernel: 3, padding: 1, bias: false}\n"
            + "        - batchnorm\n";

    static String model(String layers) {
        return "name: net\n"
                + "input: {channels: 3, height: 12, width: 12}\n"
                + "classes: 2\n"
                + "layers:\n"
                + layers
                + "data:\n"
                + "  format: folder\n"
                + "  dir: images\n"
                + "  testSplit: 0.25\n"
                + "training:\n"
                + "  epochs: 1\n";
    }

    @Test
    void everyLayerGivesTheInferredShapeAndParameterCountInAForwardPass() throws Exception {
        assertForwardShapes("  - conv2d: {filters: 6, kernel: 3, padding: 2, dilation: 2, bias: false}\n"
                + "  - batchnorm\n"
                + "  - gelu\n"
                + "  - conv2d: {filters: 12, kernel: 3, stride: 2, groups: 6}\n"
                + "  - silu\n"
                + "  - conv2d: {filters: 8, kernel: 1, groups: 4}\n"
                + "  - leakyRelu: {slope: 0.2}\n"
                + "  - maxpool: {kernel: 2}\n"
                + "  - avgpool: {kernel: 2, stride: 1}\n"
                + "  - relu\n"
                + "  - globalAvgPool\n"
                + "  - linear: {units: 4}\n"
                + "  - batchnorm\n"
                + "  - tanh\n"
                + "  - dropout\n"
                + "  - sigmoid\n"
                + "  - linear: {units: 2}\n");
        assertForwardShapes("  - conv2d: {filters: 5, kernel: 3}\n  - globalMaxPool\n  - linear: {units: 2}\n");
        assertForwardShapes("  - conv2d: {filters: 5, kernel: 3}\n  - flatten\n  - linear: {units: 2}\n");
    }

    @Test
    void residualBlocksAndRepeatsGiveTheInferredShapesAndParameterCounts() throws Exception {
        assertForwardShapes(DOWNSAMPLING_BLOCK
                + "  - relu\n"
                + "  - residual: {layers: [{conv2d: {filters: 6, kernel: 3, padding: 1}}, batchnorm]}\n"
                + "  - residual: {shortcut: projection, layers: [relu]}\n"
                + "  - repeat:\n"
                + "      times: 2\n"
                + "      layers:\n"
                + "        - residual:\n"
                + "            layers:\n"
                + "              - conv2d: {filters: 8, kernel: 3, stride: 2, padding: 1, bias: false}\n"
                + "              - batchnorm\n"
                + "        - relu\n"
                + "  - globalAvgPool\n"
                + "  - linear: {units: 2}\n");
    }

    @Test
    void aResidualBlocksGradientReachesItsInputThroughBothPaths() throws Exception {
        assertGradientIsTheSumOfBothPaths(DOWNSAMPLING_BLOCK + "  - globalAvgPool\n  - linear: {units: 2}\n", false);
        assertGradientIsTheSumOfBothPaths(
                "  - residual: {layers: [{conv2d: {filters: 3, kernel: 3, padding: 1}}, tanh]}\n"
                        + "  - globalAvgPool\n  - linear: {units: 2}\n",
                true);
    }

    /** gelu against {@code x·0.5·(1 + erf(x/√2))}, the values of Python's {@code math.erf}; silu and leakyRelu. */
    @Test
    void theActivationsComputeTheirPyTorchFormulas() throws Exception {
        float[] x = {-3f, -1f, -0.25f, 0f, 0.5f, 2f};
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            SequentialBlock network = build("  - flatten\n  - gelu\n  - linear: {units: 2}\n");
            assertThat(apply(manager, network.getChildren().get(1).getValue(), x))
                    .containsExactly(
                            new float[] {-0.004049694f, -0.1586553f, -0.1003234f, 0f, 0.3457312f, 1.9545f},
                            within(1e-6f));
            network = build("  - flatten\n  - silu\n  - linear: {units: 2}\n");
            float[] silu = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                silu[i] = (float) (x[i] / (1 + Math.exp(-x[i])));
            }
            assertThat(apply(manager, network.getChildren().get(1).getValue(), x))
                    .containsExactly(silu, within(1e-6f));
            network = build("  - flatten\n  - leakyRelu: {slope: 0.2}\n  - linear: {units: 2}\n");
            assertThat(apply(manager, network.getChildren().get(1).getValue(), x))
                    .containsExactly(new float[] {-0.6f, -0.2f, -0.05f, 0f, 0.5f, 2f}, within(1e-6f));
        }
    }

    @Test
    void globalPoolingTakesTheMeanOrTheLargestValueOfEachChannel() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray image = manager.arange(0f, 2 * 3 * 3).reshape(1, 2, 3, 3);
            SequentialBlock average = build("  - globalAvgPool\n  - linear: {units: 2}\n");
            SequentialBlock largest = build("  - globalMaxPool\n  - linear: {units: 2}\n");
            assertThat(forward(manager, average.getChildren().get(0).getValue(), image)
                            .toFloatArray())
                    .containsExactly(4f, 13f);
            assertThat(forward(manager, largest.getChildren().get(0).getValue(), image)
                            .toFloatArray())
                    .containsExactly(8f, 17f);
        }
    }

    /**
     * The network's global average pooling computes what DJL's {@code Pool.globalAvgPool2d} computes, bit for bit, and
     * so does the gradient it hands a channels-last ReLU before it.
     */
    @Test
    void globalAveragePoolingMatchesDjlsBitForBitWithItsGradient() throws Exception {
        Block pooling = build("  - globalAvgPool\n  - linear: {units: 2}\n")
                .getChildren()
                .get(0)
                .getValue();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            manager.getEngine().setRandomSeed(5);
            NDArray input = manager.randomNormal(new Shape(8, 7, 7, 16))
                    .transpose(0, 3, 1, 2)
                    .duplicate();
            NDArray upstream = manager.randomNormal(new Shape(8, 16));
            float[][] ours = pooledAndGradient(input, upstream, x -> forward(manager, pooling, x));
            float[][] djl = pooledAndGradient(input, upstream, Pool::globalAvgPool2d);
            assertThat(ours[0]).containsExactly(djl[0]);
            assertThat(ours[1]).containsExactly(djl[1]);
        }
    }

    /** Returns the pooled values of {@code relu(input)} and the gradient of their product with upstream. */
    private static float[][] pooledAndGradient(NDArray input, NDArray upstream, UnaryOperator<NDArray> pooling) {
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray pooled = pooling.apply(Activation.relu(x));
            collector.backward(pooled.mul(upstream).sum());
            return new float[][] {pooled.toFloatArray(), x.getGradient().toFloatArray()};
        }
    }

    /**
     * The gradient of the sum of a residual block's output with respect to its input is the sum of the gradients
     * through its layers alone and through its shortcut alone, and neither is zero; through an identity shortcut it
     * is 1 everywhere.
     */
    private static void assertGradientIsTheSumOfBothPaths(String layers, boolean identity) throws Exception {
        SequentialBlock network = build(layers);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            manager.getEngine().setRandomSeed(3);
            Shape shape = new Shape(BATCH, 3, 12, 12);
            network.initialize(manager, DataType.FLOAT32, shape);
            float[] image = manager.randomNormal(shape).toFloatArray();
            Block residual = network.getChildren().get(0).getValue();
            assertThat(residual).isInstanceOf(ParallelBlock.class);
            List<Block> paths = residual.getChildren().values();

            float[] whole = inputGradient(manager, residual, image, shape);
            float[] main = inputGradient(manager, paths.get(0), image, shape);
            float[] shortcut = inputGradient(manager, paths.get(1), image, shape);

            float[] sum = new float[whole.length];
            for (int i = 0; i < whole.length; i++) {
                sum[i] = main[i] + shortcut[i];
            }
            assertThat(whole).containsExactly(sum, within(1e-5f));
            assertThat(main).as("through the layers").isNotEqualTo(new float[main.length]);
            assertThat(shortcut).as("through the shortcut").isNotEqualTo(new float[shortcut.length]);
            if (identity) {
                float[] ones = new float[shortcut.length];
                Arrays.fill(ones, 1f);
                assertThat(shortcut).containsExactly(ones);
            }
        }
    }

    private static float[] inputGradient(NDManager manager, Block block, float[] image, Shape shape) {
        NDArray input = manager.create(image, shape);
        input.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray output = block.forward(new ParameterStore(manager, false), new NDList(input), true)
                    .singletonOrThrow();
            collector.backward(output.sum());
        }
        return input.getGradient().toFloatArray();
    }

    private static SequentialBlock build(String layers) throws Exception {
        return NetworkBuilder.build(ShapeInference.infer(ModelSpecReader.parse(Path.of("net.yaml"), model(layers))));
    }

    private static float[] apply(NDManager manager, Block block, float[] x) {
        return forward(manager, block, manager.create(x).reshape(1, x.length)).toFloatArray();
    }

    private static NDArray forward(NDManager manager, Block block, NDArray input) {
        block.initialize(manager, DataType.FLOAT32, input.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(input), false)
                .singletonOrThrow();
    }

    /** Runs each block on the previous block's real output and compares with the inferred shapes. */
    private static void assertForwardShapes(String layers) throws Exception {
        List<LayerShape> shapes = ShapeInference.infer(ModelSpecReader.parse(Path.of("net.yaml"), model(layers)));
        SequentialBlock network = NetworkBuilder.build(shapes);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            manager.getEngine().setRandomSeed(7);
            Shape input = new Shape(BATCH, 3, 12, 12);
            network.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomNormal(input);
            ParameterStore store = new ParameterStore(manager, false);
            for (int i = 0; i < shapes.size(); i++) {
                Block block = network.getChildren().get(i).getValue();
                x = block.forward(store, new NDList(x), true).singletonOrThrow();
                LayerShape shape = shapes.get(i);
                assertThat(x.getShape().getShape())
                        .as("layer %d (%s)", i + 1, shape.layer().type())
                        .containsExactly(batchOf(shape.output().dims()));
                long parameters = block.getParameters().stream()
                        .filter(p -> p.getValue().requiresGradient())
                        .mapToLong(p -> p.getValue().getArray().size())
                        .sum();
                assertThat(parameters)
                        .as("parameters of layer %d (%s)", i + 1, shape.layer().type())
                        .isEqualTo(shape.parameterCount());
            }
        }
    }

    private static long[] batchOf(List<Integer> dims) {
        long[] shape = new long[dims.size() + 1];
        shape[0] = BATCH;
        for (int i = 0; i < dims.size(); i++) {
            shape[i + 1] = dims.get(i);
        }
        return shape;
    }
}

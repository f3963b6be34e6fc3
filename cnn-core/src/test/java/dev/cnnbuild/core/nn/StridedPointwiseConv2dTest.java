package dev.cnnbuild.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ShapeInference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A strided 1x1 convolution with fewer input channels than oneDNN's channel block, on channels-last input: with
 * {@link ai.djl.nn.convolutional.Conv2d} its weight gradient corrupts the native heap with 1 thread (this JVM dies) and
 * is wrong or racy with 2; the thread count changes 2, 1, 2 as adaptive threads change it between batches.
 */
class StridedPointwiseConv2dTest {

    private static final String MODEL = "name: pointwise\n"
            + "input: {channels: 4, height: 8, width: 8}\n"
            + "classes: 2\n"
            + "layers:\n"
            + "  - conv2d: {filters: 8, kernel: 1, stride: 2}\n"
            + "  - flatten\n"
            + "  - linear: {units: 2}\n"
            + "data:\n"
            + "  train: {images: a, labels: b}\n"
            + "  test: {images: c, labels: d}\n"
            + "training:\n"
            + "  epochs: 1\n";

    @Test
    void weightGradientIsExactWhileTheThreadCountGoesFromTwoToOneAndBack() throws Exception {
        ModelSpec spec = ModelSpecReader.parse(Path.of("pointwise.yaml"), MODEL);
        SequentialBlock network = NetworkBuilder.build(ShapeInference.infer(spec));
        Block convolution = network.getChildren().get(0).getValue();
        assertThat(convolution).isInstanceOf(StridedPointwiseConv2d.class);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            int configured = JniUtils.getNumThreads();
            try {
                train(network, convolution, manager);
            } finally {
                JniUtils.setNumThreads(configured);
            }
        }
    }

    private static void train(SequentialBlock network, Block convolution, NDManager manager) {
        manager.getEngine().setRandomSeed(3);
        network.initialize(manager, DataType.FLOAT32, new Shape(16, 4, 8, 8));
        NDArray weight = convolution.getParameters().get("weight").getArray();
        for (int threads : new int[] {2, 1, 1, 2}) {
            JniUtils.setNumThreads(threads);
            for (int batch = 0; batch < 10; batch++) {
                try (NDManager scope = manager.newSubManager();
                        NDArray gradient = weight.getGradient()) {
                    gradient.muli(0); // backward adds to it, as between two optimizer steps
                    // channels-last, as ImageTensors hands a network its images on the CPU
                    NDArray x = scope.randomNormal(new Shape(16, 8, 8, 4))
                            .transpose(0, 3, 1, 2)
                            .duplicate();
                    NDArray upstream = scope.randomNormal(new Shape(16, 8, 4, 4));
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray out = convolution
                                .forward(new ParameterStore(scope, false), new NDList(x), true)
                                .singletonOrThrow();
                        collector.backward(out.mul(upstream).sum());
                    }
                    assertThat(weight.getGradient().toFloatArray())
                            .as("weight gradient with %d threads, batch %d", threads, batch)
                            .containsExactly(expectedGradient(x, upstream), within(1e-3f));
                }
            }
        }
    }

    @Test
    void onlyStridedUnpaddedOneByOneConvolutionsNeedIt() {
        assertThat(StridedPointwiseConv2d.needed(1, 2, 0)).isTrue();
        assertThat(StridedPointwiseConv2d.needed(1, 1, 0)).isFalse();
        assertThat(StridedPointwiseConv2d.needed(3, 2, 0)).isFalse();
        assertThat(StridedPointwiseConv2d.needed(1, 2, 1)).isFalse();
    }

    /** dL/dW[o][i] = sum over n, h, w of upstream[n][o][h][w] * x[n][i][2h][2w], as a matrix product. */
    private static float[] expectedGradient(NDArray x, NDArray upstream) {
        NDArray picked =
                x.get(new NDIndex(":, :, ::2, ::2")).transpose(0, 2, 3, 1).reshape(-1, 4);
        return upstream.transpose(1, 0, 2, 3).reshape(8, -1).matMul(picked).toFloatArray();
    }
}

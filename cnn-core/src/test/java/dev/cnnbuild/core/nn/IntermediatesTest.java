package dev.cnnbuild.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ShapeInference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A network built from a model file frees each layer's output once the next layer has run: after a training forward
 * pass only its input and output are left open, the backward pass still gives the gradients it gives when every
 * output is kept, and an output that a layer passes on unchanged stays open for the layers after it.
 */
class IntermediatesTest {
    /** A residual network with both kinds of shortcut, a repeat and every kind of intermediate. */
    private static final String LAYERS = "  - conv2d: {filters: 4, kernel: 3, padding: 1, bias: false}\n"
            + "  - batchnorm\n"
            + "  - relu\n"
            + "  - residual: {layers: [{conv2d: {filters: 4, kernel: 3, padding: 1}}, batchnorm]}\n"
            + "  - relu\n"
            + "  - repeat:\n"
            + "      times: 2\n"
            + "      layers:\n"
            + "        - residual:\n"
            + "            layers:\n"
            + "              - conv2d: {filters: 6, kernel: 3, stride: 2, padding: 1, bias: false}\n"
            + "              - batchnorm\n"
            + "        - relu\n"
            + "  - globalAvgPool\n"
            + "  - linear: {units: 2}\n";

    private static final Shape INPUT = new Shape(3, 3, 12, 12);

    @Test
    void aTrainingForwardPassLeavesOnlyItsInputAndOutputOpen() throws Exception {
        SequentialBlock network = build();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            network.initialize(manager, DataType.FLOAT32, INPUT);
            try (NDManager scope = manager.newSubManager();
                    GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray input = scope.randomNormal(INPUT);
                NDArray output = network.forward(new ParameterStore(scope, false), new NDList(input), true)
                        .singletonOrThrow();
                assertThat(scope.getManagedArrays()).containsExactlyInAnyOrder(input, output);
                collector.backward(output.sum());
                assertThat(trainable(network))
                        .allSatisfy(p -> assertThat(
                                        p.getArray().getGradient().abs().sum().getFloat())
                                .as(p.getName())
                                .isPositive());
            }
        }
    }

    @Test
    void theGradientsAreThoseOfAPassThatKeepsEveryOutput() throws Exception {
        SequentialBlock network = build();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            manager.getEngine().setRandomSeed(5);
            network.initialize(manager, DataType.FLOAT32, INPUT);
            NDArray input = manager.randomNormal(INPUT);
            List<float[]> released = gradients(
                    network,
                    manager,
                    () -> network.forward(new ParameterStore(manager, false), new NDList(input), true));
            List<float[]> kept = gradients(network, manager, () -> {
                NDList current = new NDList(input);
                for (Block layer : network.getChildren().values()) {
                    current = layer.forward(new ParameterStore(manager, false), current, true);
                }
                return current;
            });
            assertThat(released).containsExactlyElementsOf(kept);
        }
    }

    @Test
    void anOutputPassedOnUnchangedStaysOpenForTheLayersAfter() {
        SequentialBlock sequence = new ReleasingSequentialBlock()
                .add(Blocks.identityBlock())
                .add(Activation.reluBlock())
                .add(Blocks.identityBlock())
                .add(Activation.reluBlock());
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            sequence.initialize(manager, DataType.FLOAT32, new Shape(4));
            NDArray input = manager.create(new float[] {-1f, 2f, -3f, 4f});
            NDArray output = sequence.forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow();
            assertThat(output.toFloatArray()).containsExactly(0f, 2f, 0f, 4f);
            assertThat(input.isReleased()).isFalse();
            assertThat(input.toFloatArray()).containsExactly(-1f, 2f, -3f, 4f);
        }
    }

    /** Returns the gradients of the trainable parameters after one backward pass from zero. */
    private static List<float[]> gradients(SequentialBlock network, NDManager manager, Forward forward) {
        for (Parameter parameter : trainable(network)) {
            parameter.getArray().getGradient().muli(0);
        }
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            collector.backward(forward.run().singletonOrThrow().sum());
        }
        List<float[]> gradients = new ArrayList<>();
        for (Parameter parameter : trainable(network)) {
            gradients.add(parameter.getArray().getGradient().toFloatArray());
        }
        return gradients;
    }

    private static List<Parameter> trainable(Block network) {
        return network.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .toList();
    }

    private static SequentialBlock build() throws Exception {
        return NetworkBuilder.build(
                ShapeInference.infer(ModelSpecReader.parse(Path.of("net.yaml"), LayerBlocksTest.model(LAYERS))));
    }

    /** One forward pass, in a gradient collector's scope. */
    private interface Forward {
        NDList run();
    }
}

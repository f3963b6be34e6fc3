package dev.cnnbuild.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ShapeInference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkBuilderTest {

    private static final String TUTORIAL = "name: mnist-cnn\n"
            + "input: {channels: 1, height: 28, width: 28}\n"
            + "classes: 10\n"
            + "layers:\n"
            + "  - conv2d: {filters: 16, kernel: 5}\n"
            + "  - relu\n"
            + "  - conv2d: {filters: 32, kernel: 5}\n"
            + "  - relu\n"
            + "  - maxpool: {kernel: 2, stride: 2}\n"
            + "  - conv2d: {filters: 64, kernel: 5}\n"
            + "  - relu\n"
            + "  - maxpool: {kernel: 2, stride: 2}\n"
            + "  - flatten\n"
            + "  - linear: {units: 100}\n"
            + "  - relu\n"
            + "  - linear: {units: 10}\n"
            + "data:\n"
            + "  train: {images: a, labels: b}\n"
            + "  test: {images: c, labels: d}\n"
            + "training:\n"
            + "  epochs: 1\n";

    @Test
    void initialisesWeightsAndBiasesAsPyTorchDoes() throws Exception {
        ModelSpec spec = ModelSpecReader.parse(Path.of("mnist.yaml"), TUTORIAL);
        SequentialBlock network = NetworkBuilder.build(ShapeInference.infer(spec));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            manager.getEngine().setRandomSeed(1);
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : network.getParameters()) {
                parameters.put(p.getKey(), p.getValue().getArray());
            }

            assertThat(parameters).hasSize(10);
            assertUniformWithin(parameters.get("01Conv2d_weight"), 1 / Math.sqrt(25));
            assertUniformWithin(parameters.get("01Conv2d_bias"), 1 / Math.sqrt(25));
            assertUniformWithin(parameters.get("03Conv2d_weight"), 1 / Math.sqrt(16 * 25));
            assertUniformWithin(parameters.get("10Linear_weight"), 1 / Math.sqrt(576));
            assertUniformWithin(parameters.get("10Linear_bias"), 1 / Math.sqrt(576));
            assertUniformWithin(parameters.get("12Linear_weight"), 1 / Math.sqrt(100));
            assertThat(parameters.get("10Linear_weight").getShape()).isEqualTo(new Shape(100, 576));
        }
    }

    @Test
    void everyLayerTypeRunsWithTheShapesThatInferenceComputed() throws Exception {
        String yaml = TUTORIAL.replace(
                TUTORIAL.substring(TUTORIAL.indexOf("layers:"), TUTORIAL.indexOf("data:")),
                "layers:\n"
                        + "  - conv2d: {filters: 8, kernel: 3, stride: 1, padding: 1}\n"
                        + "  - batchnorm\n"
                        + "  - relu\n"
                        + "  - maxpool: {kernel: 2}\n"
                        + "  - conv2d: {filters: 8, kernel: 3, stride: 2}\n"
                        + "  - tanh\n"
                        + "  - avgpool: {kernel: 2, stride: 1}\n"
                        + "  - flatten\n"
                        + "  - dropout: {rate: 0.25}\n"
                        + "  - linear: {units: 32}\n"
                        + "  - sigmoid\n"
                        + "  - linear: {units: 10}\n");
        ModelSpec spec = ModelSpecReader.parse(Path.of("all.yaml"), yaml);
        List<LayerShape> shapes = ShapeInference.infer(spec);
        SequentialBlock network = NetworkBuilder.build(shapes);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            network.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 28, 28));
            Shape[] djlShapes = {new Shape(4, 1, 28, 28)};
            for (int i = 0; i < shapes.size(); i++) {
                djlShapes = network.getChildren().get(i).getValue().getOutputShapes(djlShapes);
                List<Integer> inferred = shapes.get(i).output().dims();
                assertThat(djlShapes[0].slice(1).getShape())
                        .as("layer %d (%s)", i + 1, shapes.get(i).layer().type())
                        .containsExactly(
                                inferred.stream().mapToLong(Integer::longValue).toArray());
            }
            NDArray logits = network.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.randomUniform(0, 1, new Shape(4, 1, 28, 28))),
                            false)
                    .singletonOrThrow();
            assertThat(logits.getShape()).isEqualTo(new Shape(4, 10));
        }
    }

    /**
     * Uniform in ±bound: nothing beyond it and the extremes close to it (Xavier's would be far wider, zeros far
     * narrower); for arrays large enough to tell, a mean magnitude near bound / 2.
     */
    private static void assertUniformWithin(NDArray values, double bound) {
        double max = values.abs().max().getFloat();
        assertThat(max).isLessThanOrEqualTo(bound * 1.0001).isGreaterThan(bound * 0.5);
        if (values.size() >= 100) {
            assertThat(values.abs().mean().getFloat()).isBetween((float) (bound * 0.4), (float) (bound * 0.6));
        }
    }
}

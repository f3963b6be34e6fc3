package dev.cnnbuild.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.cnnbuild.core.data.DecodingImageStore;
import dev.cnnbuild.core.data.ImageFolderListing;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelIntegrityException;
import dev.cnnbuild.core.model.ModelManifest;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code model.onnx} that {@code cnn:train} writes, run by ONNX Runtime on the preprocessed test images, gives
 * the logits of the DJL network (within 1e-4) and so the same classes, for tiny trained networks that use every
 * layer type, grey and colour.
 */
class OnnxExporterTest {
    /** Every layer type, convolutions with stride and padding, batch norm on images and on vectors. */
    private static final String LAYERS = "layers:\n"
            + "  - conv2d: {filters: 4, kernel: 3, stride: 1, padding: 1}\n"
            + "  - batchnorm\n"
            + "  - relu\n"
            + "  - maxpool: {kernel: 2}\n"
            + "  - conv2d: {filters: 6, kernel: 3, stride: 2, padding: 1}\n"
            + "  - tanh\n"
            + "  - avgpool: {kernel: 2, stride: 1}\n"
            + "  - flatten\n"
            + "  - dropout: {rate: 0.25}\n"
            + "  - linear: {units: 8}\n"
            + "  - batchnorm\n"
            + "  - sigmoid\n"
            + "  - dropout\n"
            + "  - linear: {units: 2}\n";

    /**
     * The activations gelu (as its erf formula), silu and leakyRelu, dilated, grouped (depthwise) and bias-free
     * convolutions, both global poolings, batch norm after a linear layer.
     */
    private static final String MODERN_LAYERS = "layers:\n"
            + "  - conv2d: {filters: 6, kernel: 3, padding: 2, dilation: 2, bias: false}\n"
            + "  - batchnorm\n"
            + "  - gelu\n"
            + "  - conv2d: {filters: 6, kernel: 3, padding: 1, groups: 6}\n"
            + "  - silu\n"
            + "  - conv2d: {filters: 4, kernel: 1, groups: 2}\n"
            + "  - leakyRelu: {slope: 0.2}\n"
            + "  - globalAvgPool\n"
            + "  - linear: {units: 8}\n"
            + "  - batchnorm\n"
            + "  - gelu\n"
            + "  - linear: {units: 2}\n";

    /** A global max pool straight after a convolution, then the classifier. */
    private static final String MAX_POOLED_LAYERS = "layers:\n"
            + "  - conv2d: {filters: 5, kernel: 3, stride: 2, padding: 1}\n"
            + "  - leakyRelu\n"
            + "  - globalMaxPool\n"
            + "  - linear: {units: 2}\n";

    /**
     * A small ResNet: a downsampling residual block (projection shortcut) with a dropout inside, a repeat of identity
     * blocks, and a block whose projection is asked for.
     */
    private static final String RESIDUAL_LAYERS = "layers:\n"
            + "  - conv2d: {filters: 4, kernel: 3, padding: 1, bias: false}\n"
            + "  - batchnorm\n"
            + "  - relu\n"
            + "  - residual:\n"
            + "      layers:\n"
            + "        - conv2d: {filters: 6, kernel: 3, stride: 2, padding: 1, bias: false}\n"
            + "        - batchnorm\n"
            + "        - relu\n"
            + "        - dropout: {rate: 0.1}\n"
            + "        - conv2d: {filters: 6, kernel: 3, padding: 1, bias: false}\n"
            + "        - batchnorm\n"
            + "  - relu\n"
            + "  - repeat:\n"
            + "      times: 2\n"
            + "      layers:\n"
            + "        - residual: {layers: [{conv2d: {filters: 6, kernel: 3, padding: 1}}, batchnorm, silu]}\n"
            + "        - relu\n"
            + "  - residual: {shortcut: projection, layers: [gelu]}\n"
            + "  - globalAvgPool\n"
            + "  - linear: {units: 2}\n";

    @TempDir
    Path dir;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("every-layer", LAYERS, 1),
                Arguments.of("every-layer", LAYERS, 3),
                Arguments.of("modern", MODERN_LAYERS, 1),
                Arguments.of("modern", MODERN_LAYERS, 3),
                Arguments.of("max-pooled", MAX_POOLED_LAYERS, 3),
                Arguments.of("residual", RESIDUAL_LAYERS, 1),
                Arguments.of("residual", RESIDUAL_LAYERS, 3));
    }

    @ParameterizedTest(name = "{0}, {2} channel(s)")
    @MethodSource("networks")
    void onnxRuntimeGivesTheLogitsOfTheTrainedNetwork(String name, String layers, int channels) throws Exception {
        TinyImages.writeClasses(dir.resolve("train"), 16, 8, 8, 1);
        Path test = TinyImages.writeClasses(dir.resolve("test"), 20, 8, 8, 2);
        String yaml = TinyImages.modelYaml(
                        name,
                        "folder",
                        "  train: {dir: train}\n  test: {dir: test}\n" + "  normalize: auto\n",
                        channels)
                .replaceFirst("(?s)layers:\n.*?data:\n", layers + "data:\n");
        Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(file, dir.resolve("out")));
        ModelDirectory directory = ModelDirectory.of(dir.resolve("out"), name);
        ImageStore testImages =
                new DecodingImageStore(ImageFolderListing.list(test), new InputShape(channels, 8, 8), ResizeMode.NONE);
        ImageSet images =
                testImages.gather(IntStream.range(0, testImages.count()).toArray());

        try (LoadedModel model = LoadedModel.load(directory, dir, Device.cpu());
                NDManager scope = model.manager().newSubManager()) {
            ChannelNormalization normalization = model.classifier().normalization();
            assertThat(normalization.isNone()).isFalse();
            NDArray djl = model.network()
                    .forward(
                            new ParameterStore(scope, false),
                            new NDList(normalization.apply(
                                    ImageTensors.input(model.network(), scope, images, 0, images.count()))),
                            false)
                    .singletonOrThrow();
            float[] preprocessed = normalization
                    .apply(ImageTensors.images(scope, images, 0, images.count()))
                    .toFloatArray();

            float[][] onnx = run(Files.readAllBytes(directory.onnx()), preprocessed, images);

            float[] expected = djl.toFloatArray();
            assertThat(onnx).hasNumberOfRows(images.count());
            for (int i = 0; i < images.count(); i++) {
                for (int k = 0; k < 2; k++) {
                    assertThat(onnx[i][k]).as("image %d, logit %d", i, k).isCloseTo(expected[2 * i + k], within(1e-4f));
                }
                assertThat(argmax(onnx[i])).isEqualTo(argmax(new float[] {expected[2 * i], expected[2 * i + 1]}));
            }
            assertThat(IntStream.range(0, expected.length)
                            .mapToObj(i -> expected[i])
                            .distinct()
                            .count())
                    .as("a trained network, not a constant one")
                    .isGreaterThan(images.count());
        }
    }

    @Test
    void theManifestCoversTheOnnxFileAndADirectoryWithoutOneIsStillTrusted() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 8, 8, 8, 1);
        Path yaml = TinyImages.writeFolderModel(dir, "grey", "  dir: images\n  testSplit: 0.25\n", 1);
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(yaml, dir.resolve("out")));
        ModelDirectory directory = ModelDirectory.of(dir.resolve("out"), "grey");
        assertThat(Files.readString(directory.manifest())).contains("  model.onnx\n");
        byte[] original = Files.readAllBytes(directory.onnx());

        original[original.length - 1] ^= 1;
        Files.write(directory.onnx(), original);
        assertThatThrownBy(() -> ModelManifest.verify(directory))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(directory.onnx() + " does not match its SHA-256 in manifest.sha256");

        Files.delete(directory.onnx());
        assertThatThrownBy(() -> ModelManifest.verify(directory))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(directory.onnx() + " is missing from the model directory");

        Files.writeString(
                directory.manifest(), Files.readString(directory.manifest()).replaceAll("(?m)^.*  model\\.onnx\n", ""));
        ModelManifest.verify(directory);
        try (LoadedModel model = LoadedModel.load(directory, dir, Device.cpu())) {
            assertThat(model.spec().name()).isEqualTo("grey");
        }

        Files.write(directory.onnx(), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ModelManifest.verify(directory))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(directory.onnx() + " is not in manifest.sha256: it was added after training");
    }

    @Test
    void aNetworkNotBuiltFromTheModelFileIsRefusedWithTheReason() throws Exception {
        var spec = ModelSpecReader.parse(
                dir.resolve("m.yaml"), TinyImages.modelYaml("m", "folder", "  dir: images\n  testSplit: 0.25\n", 1));

        assertThatThrownBy(() -> OnnxExporter.export(spec, Blocks.identityBlock()))
                .isInstanceOf(OnnxExportException.class)
                .hasMessageContaining("not one built from a model file's layers, so it cannot be exported to ONNX");
        assertThatThrownBy(() -> OnnxExporter.export(spec, new SequentialBlock().add(Blocks.identityBlock())))
                .isInstanceOf(OnnxExportException.class)
                .hasMessage("the network of m has 1 blocks but its model file 5 layers, so it was not built from"
                        + " that file and cannot be exported to ONNX");
    }

    private static float[][] run(byte[] onnx, float[] preprocessed, ImageSet images) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        long[] shape = {images.count(), images.channels(), images.height(), images.width()};
        try (OrtSession session = environment.createSession(onnx, new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(preprocessed), shape);
                OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
            assertThat(session.getOutputNames()).containsExactly(OnnxExporter.OUTPUT);
            return (float[][]) result.get(0).getValue();
        }
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}

package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.cnnbuild.core.files.Sha256;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.nn.TorchScriptBlock;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.testing.TinyBackbone;
import dev.cnnbuild.core.training.TrainingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file whose first layer is a pretrained TorchScript module, trained through the training service as
 * {@code cnn:train} trains it: frozen, unfrozen from an epoch, and the mistakes a user makes with it.
 */
class TorchScriptTrainingTest {
    @TempDir
    Path dir;

    private final List<String> notExported = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final TrainingService service = new TrainingService(new TrainingService.Listener() {
        @Override
        public void onTrainingStarts(String modelName, String reason) {
            reasons.add(reason);
        }

        @Override
        public void onNotExported(String modelName, String reason) {
            notExported.add(reason);
        }
    });

    @Test
    void aFrozenBackboneComesOutBitIdenticalAndItsHeadLearns() throws Exception {
        Path yaml = model("{file: backbone.pt, output: [16], trainable: false}", 3);
        Path output = dir.resolve("out");

        TrainingResult result = service.train(TrainingRequest.of(yaml, output));

        ModelDirectory directory = result.directory();
        ModelMetrics metrics = result.metrics().orElseThrow();
        assertThat(metrics.test().accuracy()).isGreaterThan(0.9);
        assertThat(metrics.parameterCount()).isEqualTo(58 + 16 * 2 + 2);
        try (LoadedModel loaded = LoadedModel.load(directory, Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TorchScriptBlock trained =
                    NetworkBuilder.torchScriptBlocks(loaded.network()).get(0);
            assertThat(trained.trains()).isFalse();
            Map<String, float[]> original = parameters(originalModule(manager));
            assertThat(parameters(trained)).containsOnlyKeys(original.keySet());
            original.forEach((name, values) ->
                    assertThat(parameters(trained).get(name)).as(name).containsExactly(values));
            assertThat(outputs(trained, manager)).containsExactly(outputs(originalModule(manager), manager));
        }
        assertThat(directory.root().resolve("torchscript-layer1.pt"))
                .hasSameBinaryContentAs(dir.resolve("backbone.pt"));
        assertThat(Files.readString(directory.manifest())).contains("  torchscript-layer1.pt\n");
        assertThat(directory.onnx()).doesNotExist();
        assertThat(notExported)
                .containsExactly("layer 1 (torchscript) is a TorchScript module, whose operations the ONNX export does"
                        + " not know; export the whole network from PyTorch with torch.onnx.export if an ONNX file is"
                        + " needed");
        assertThat(Files.readString(directory.fingerprint())).contains("backbone.pt=");

        TrainingResult again = service.train(TrainingRequest.of(yaml, output));

        assertThat(again.trained()).as(again.reason()).isFalse();
    }

    @Test
    void aBackboneUnfrozenAfterAnEpochChanges() throws Exception {
        Path yaml = model("{file: backbone.pt, output: [16], trainable: {afterEpoch: 1}}", 2);

        ModelDirectory directory =
                service.train(TrainingRequest.of(yaml, dir.resolve("out"))).directory();

        try (LoadedModel loaded = LoadedModel.load(directory, Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TorchScriptBlock trained =
                    NetworkBuilder.torchScriptBlocks(loaded.network()).get(0);
            Map<String, float[]> original = parameters(originalModule(manager));
            Map<String, float[]> after = parameters(trained);
            assertThat(original.keySet())
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(after.get(name)).as(name).isNotEqualTo(original.get(name)));
        }
    }

    @Test
    void aBackboneUnfrozenAfterAnEpochRetrainsBitIdentically() throws Exception {
        Path yaml = model("{file: backbone.pt, output: [16], trainable: {afterEpoch: 1}}", 3);

        List<String> hashes = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            ModelDirectory directory = service.train(TrainingRequest.of(yaml, dir.resolve("out" + run)))
                    .directory();
            hashes.add(Sha256.of(directory.parameters()));
        }

        assertThat(hashes).as("the parameters of three trainings").containsOnly(hashes.get(0));
    }

    @Test
    void theBlockIsFrozenUpToItsEpochAndTrainsAfter() throws Exception {
        Path yaml = model("{file: backbone.pt, output: [16], trainable: {afterEpoch: 2}}", 3);
        try (Model model = Model.newInstance("probe", Device.cpu(), "PyTorch")) {
            TorchScriptBlock block = NetworkBuilder.torchScriptBlocks(NetworkBuilder.build(
                            ShapeInference.infer(ModelSpecReader.read(yaml)),
                            model.getNDManager(),
                            index -> dir.resolve("backbone.pt")))
                    .get(0);

            List<Boolean> trains = new ArrayList<>();
            List<Boolean> gradients = new ArrayList<>();
            for (int epoch = 1; epoch <= 3; epoch++) {
                trains.add(block.startEpoch(epoch));
                gradients.add(block.getParameters().values().stream().allMatch(Parameter::requiresGradient));
            }

            assertThat(trains).containsExactly(false, false, true);
            assertThat(gradients).containsExactly(false, false, true);
        }
    }

    @Test
    void anOutputThatDisagreesWithTheModuleNamesBothShapes() throws Exception {
        Path yaml = model("{file: backbone.pt, output: [15], trainable: false}", 1);

        assertThatThrownBy(() -> service.train(TrainingRequest.of(yaml, dir.resolve("out"))))
                .isInstanceOf(TrainingException.class)
                .hasMessage(yaml.toAbsolutePath() + ":5:5: torchscript (layer 1) declares output [15], but the"
                        + " module gives [16] for one 1x8x8 image; write 'output: [16]'");
    }

    @Test
    void aMissingFileIsNamedAtItsLayer() throws Exception {
        Path yaml = model("{file: backbones/none.pt, output: [16], trainable: false}", 1);

        assertThatThrownBy(() -> service.train(TrainingRequest.of(yaml, dir.resolve("out"))))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith(yaml.toAbsolutePath() + ":5:5: torchscript (layer 1): 'file' is "
                        + dir.toAbsolutePath().resolve("backbones/none.pt") + ", which ")
                .hasMessageContaining("(a relative path starts at the model file's folder)")
                .hasMessageEndingWith("; save the module there with torch.jit.save(torch.jit.script(module), path)");
    }

    @Test
    void aFileThatIsNotTorchScriptIsRefusedBeforeTheEngineLoadsIt() throws Exception {
        Path yaml = model("{file: state.pt, output: [16], trainable: false}", 1);
        copy("not-torchscript.pt", dir.resolve("state.pt"));

        assertThatThrownBy(() -> service.train(TrainingRequest.of(yaml, dir.resolve("out"))))
                .isInstanceOf(SpecException.class)
                .hasMessage(yaml.toAbsolutePath() + ":5:5: torchscript (layer 1): 'file' "
                        + dir.toAbsolutePath().resolve("state.pt") + " is not a TorchScript file (a torch.save"
                        + " pickle or state_dict, or another format); write the module with"
                        + " torch.jit.save(torch.jit.script(module), path) or torch.jit.trace");
    }

    @Test
    void aChangedBackboneFileRetrainsTheModel() throws Exception {
        Path yaml = model("{file: backbone.pt, output: [16], trainable: false}", 1);
        Path output = dir.resolve("out");
        service.train(TrainingRequest.of(yaml, output));
        String before = Files.readString(ModelDirectory.of(output, "tuned").fingerprint());

        copy("backbone8-retrained.pt", dir.resolve("backbone.pt"));
        TrainingResult after = service.train(TrainingRequest.of(yaml, output));

        assertThat(after.trained()).isTrue();
        assertThat(after.reason()).matches("inputs changed since .*: file:\\S*backbone\\.pt changed");
        assertThat(Files.readString(after.directory().fingerprint())).isNotEqualTo(before);
    }

    private Path model(String torchscript, int epochs) throws IOException {
        return TinyBackbone.writeModel(dir, torchscript, epochs);
    }

    private TorchScriptBlock originalModule(NDManager manager) throws Exception {
        Path yaml = dir.resolve("tuned.yaml");
        return NetworkBuilder.torchScriptBlocks(NetworkBuilder.build(
                        ShapeInference.infer(ModelSpecReader.read(yaml)), manager, index -> dir.resolve("backbone.pt")))
                .get(0);
    }

    private static Map<String, float[]> parameters(TorchScriptBlock block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** The module's output, in inference, for a fixed batch of images: it covers batch norm's statistics too. */
    private static float[] outputs(TorchScriptBlock block, NDManager manager) {
        NDArray images = manager.arange(4 * 64)
                .reshape(new Shape(4, 1, 8, 8))
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .div(256f);
        return block.forward(new ParameterStore(manager, false), new NDList(images), false)
                .singletonOrThrow()
                .toFloatArray();
    }

    private static void copy(String resource, Path target) throws IOException {
        TinyBackbone.copy(resource, target);
    }
}

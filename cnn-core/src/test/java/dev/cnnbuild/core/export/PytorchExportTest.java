package dev.cnnbuild.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnnbuild.core.data.DecodedCache;
import dev.cnnbuild.core.data.DecodingImageStore;
import dev.cnnbuild.core.data.ImageFolderListing;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.ModelData;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelManifest;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.optimizer.LearningRateSchedule;
import dev.cnnbuild.core.rules.BaselineWriter;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleOutcome;
import dev.cnnbuild.core.service.CheckRequest;
import dev.cnnbuild.core.service.CheckService;
import dev.cnnbuild.core.service.ModelCheck;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.PythonTorch;
import dev.cnnbuild.core.testing.TinyBackbone;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exported package against the plugin: weights both ways (a model directory trained by {@code cnn:train} read
 * by {@code convert.py}, written back byte for byte in DJL's format and as TorchScript whose logits are DJL's within
 * 1e-4), a model directory written by {@code train.py} that {@code cnn:check}'s service measures as PyTorch did
 * (writing its report with those figures) and {@code cnn:bless}'s writer blesses, the
 * same held-out test images as {@code cnn:train}, and errors naming what cannot be exported. The tests that run
 * Python need {@code /usr/bin/python3} with torch ({@code python3-torch}), which CI installs.
 */
class PytorchExportTest {
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
     * A repeat of identity-shortcut blocks, a block that projects for a stride and new filters, one that projects
     * because it is asked to, a repeat inside a block and a block over flat values.
     */
    private static final String RESIDUAL = "layers:\n"
            + "  - conv2d: {filters: 4, kernel: 3, padding: 1, bias: false}\n"
            + "  - batchnorm\n"
            + "  - relu\n"
            + "  - repeat:\n"
            + "      times: 2\n"
            + "      layers:\n"
            + "        - residual:\n"
            + "            layers:\n"
            + "              - conv2d: {filters: 4, kernel: 3, padding: 1, bias: false}\n"
            + "              - batchnorm\n"
            + "              - relu\n"
            + "        - relu\n"
            + "  - residual:\n"
            + "      layers:\n"
            + "        - conv2d: {filters: 6, kernel: 3, stride: 2, padding: 1, bias: false}\n"
            + "        - batchnorm\n"
            + "  - residual:\n"
            + "      shortcut: projection\n"
            + "      layers:\n"
            + "        - repeat: {times: 2, layers: [{conv2d: {filters: 6, kernel: 3, padding: 1}}, tanh]}\n"
            + "  - relu\n"
            + "  - globalAvgPool\n"
            + "  - residual: {layers: [{linear: {units: 6}}, batchnorm]}\n"
            + "  - linear: {units: 2}\n";

    /** The tiny backbone (1x8x8 to 16 features), frozen in the first epoch and trained after it, under a head. */
    private static final String TORCHSCRIPT = "layers:\n"
            + "  - torchscript: {file: backbone.pt, output: [16], trainable: {afterEpoch: 1}}\n"
            + "  - linear: {units: 2}\n";

    @TempDir
    Path dir;

    @Test
    void thePackageHoldsTheNetworkLayerForLayerAndTheModelFilesSettings() throws Exception {
        Path file = everyLayerModel(1, LAYERS);

        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));

        assertThat(pkg).isEqualTo(dir.resolve("export/every-layer/pytorch"));
        assertThat(pkg.toFile().list())
                .containsExactlyInAnyOrder(
                        "model.py",
                        "data.py",
                        "train.py",
                        "convert.py",
                        "djl_params.py",
                        "model_directory.py",
                        "export.json",
                        "model.yaml",
                        "requirements.txt");
        assertThat(Files.readString(pkg.resolve("model.py")))
                .contains(
                        "nn.Conv2d(1, 4, kernel_size=3, stride=1, padding=1, dilation=1, groups=1, bias=True),  # layer 1: conv2d\n")
                .contains("nn.BatchNorm2d(4, eps=1e-05, momentum=0.1),  # layer 2: batchnorm\n")
                .contains("nn.AvgPool2d(kernel_size=2, stride=1),  # layer 7: avgpool\n")
                .contains("nn.Linear(6, 8),  # layer 10: linear\n")
                .contains("nn.BatchNorm1d(8, eps=1e-05, momentum=0.1),  # layer 11: batchnorm\n")
                .contains("(\"linear\", (8,), 13),\n");
        assertThat(Files.readString(pkg.resolve("export.json")))
                .contains("\"source\" : \"every-layer.yaml\"")
                .contains("\"train\" : \"train\"")
                .contains("\"normalize\" : \"auto\"");
        assertThat(Files.readString(pkg.resolve("model.yaml"))).isEqualTo(Files.readString(file));
        assertThat(Files.readString(pkg.resolve("requirements.txt")))
                .contains("# Tested with PyTorch 1.13.1 only: the oldest and the newest version tested are both 1.13.1")
                .endsWith("\ntorch>=1.13.0a0\nnumpy\nPillow\n");
    }

    @Test
    void optionsWithoutATranslationAreNamedWithTheirReasonAndNothingIsWritten() throws Exception {
        Path file = Files.writeString(
                dir.resolve("stopping.yaml"),
                TinyImages.modelYaml("stopping", "folder", "  train: {dir: train}\n  test: {dir: test}\n", 1)
                        .replace(
                                "  seed: 7\n",
                                "  seed: 7\n  validationSplit: 0.2\n"
                                        + "  earlyStopping: {metric: validationLoss, patience: 2}\n"));

        assertThatThrownBy(() ->
                        PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export")))
                .isInstanceOf(ExportException.class)
                .satisfies(e -> assertThat(((ExportException) e).problems())
                        .containsExactly(
                                file + ": training.validationSplit cannot be exported to PyTorch: train.py holds out"
                                        + " no validation set; remove it to export, or train this model with"
                                        + " cnn:train",
                                file + ": training.earlyStopping cannot be exported to PyTorch: train.py runs every"
                                        + " epoch (give --epochs); remove it to export, or train this model with"
                                        + " cnn:train"));
        assertThat(dir.resolve("export")).doesNotExist();
    }

    @Test
    void aTorchScriptBackboneTrainedByCnnTrainComesBackByteForByteWithTheSameLogits() throws Exception {
        PythonTorch.assumeAvailable();
        TinyBackbone.copy("backbone8.pt", dir.resolve("backbone.pt"));
        Path file = everyLayerModel(1, TORCHSCRIPT);

        assertWeightsBothWays(file, 1);

        Path pkg = dir.resolve("export/every-layer/pytorch");
        assertThat(pkg.resolve("torchscript-layer1.pt")).hasSameBinaryContentAs(dir.resolve("backbone.pt"));
        assertThat(Files.readString(pkg.resolve("model.py")))
                .contains(
                        "            TorchScript(\"torchscript-layer1.pt\", frozen_epochs=1),  # layer 1: torchscript\n");
    }

    @Test
    void aTorchScriptModuleThatIsNotThereIsNamedAndNothingIsWritten() throws Exception {
        Path file = TinyBackbone.writeModel(dir, "{file: backbone.pt, output: [16], trainable: false}", 1);
        CheckedModel model = CheckedModel.read(file, MemoryLimit.machine());
        Files.delete(dir.resolve("backbone.pt"));

        assertThatThrownBy(() -> PytorchExport.write(model, dir, dir.resolve("export")))
                .isInstanceOf(ExportException.class)
                .satisfies(e -> assertThat(((ExportException) e).problems())
                        .containsExactly(file + ":5:5: layer 1 (torchscript) cannot be exported to PyTorch: its module"
                                + " file " + dir.resolve("backbone.pt") + " is not there to be carried in the"
                                + " package; give the layer a file: that exists"));
        assertThat(dir.resolve("export")).doesNotExist();
    }

    @ParameterizedTest(name = "{0} channel(s)")
    @ValueSource(ints = {1, 3})
    void convertReadsAPluginTrainedDirectoryAndItsTorchScriptGivesTheSameLogits(int channels) throws Exception {
        PythonTorch.assumeAvailable();
        assertWeightsBothWays(everyLayerModel(channels, LAYERS), channels);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"globalAvgPool", "globalMaxPool"})
    void dilatedGroupedConvolutionsWithoutBiasAndTheNewerActivationsMapOneToOne(String pool) throws Exception {
        PythonTorch.assumeAvailable();
        String layers = "layers:\n"
                + "  - conv2d: {filters: 4, kernel: 3, padding: 2, dilation: 2, bias: false}\n"
                + "  - gelu\n"
                + "  - conv2d: {filters: 6, kernel: 3, padding: 1, groups: 2}\n"
                + "  - silu\n"
                + "  - leakyRelu: {slope: 0.1}\n"
                + "  - " + pool + "\n"
                + "  - linear: {units: 2}\n";
        assertWeightsBothWays(everyLayerModel(3, layers), 3);
    }

    @Test
    void residualBlocksAndRepeatsAreNestedModulesWhoseParametersMapOneToOne() throws Exception {
        PythonTorch.assumeAvailable();
        Path file = everyLayerModel(3, RESIDUAL);

        assertWeightsBothWays(file, 3);

        assertThat(Files.readString(dir.resolve("export/every-layer/pytorch/model.py")))
                .contains("            nn.Sequential(  # layer 4: repeat\n"
                        + "                Residual(nn.Sequential(  # layer 4.1: residual\n"
                        + "                    nn.Conv2d(4, 4, kernel_size=3, stride=1, padding=1, dilation=1, groups=1,"
                        + " bias=False),  # layer 4.1.1: conv2d\n")
                .contains(", shortcut=nn.Sequential(nn.Conv2d(4, 6, kernel_size=1, stride=2, bias=False),"
                        + " nn.BatchNorm2d(6, eps=1e-05, momentum=0.1))),\n")
                .contains("    (\"residual\", (6, 4, 4,), 5, [\n"
                        + "        (\"repeat\", (6, 4, 4,), 0, [\n"
                        + "            (\"conv2d\", (6, 4, 4,), 0),\n");
    }

    private void assertWeightsBothWays(Path file, int channels) throws Exception {
        TinyImages.writeClasses(dir.resolve("train"), 16, 8, 8, 1);
        Path test = TinyImages.writeClasses(dir.resolve("test"), 20, 8, 8, 2);
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(file, dir.resolve("out")));
        ModelDirectory directory = ModelDirectory.of(dir.resolve("out"), "every-layer");
        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));
        Path script = dir.resolve("every-layer.pt");
        Path rewritten = dir.resolve("rewritten.params");

        PythonTorch.run(
                pkg, "convert.py", "--model-dir", directory.root().toString(), "--torchscript", script.toString());
        PythonTorch.run(
                pkg,
                "-c",
                "import convert, djl_params, model, sys; open(sys.argv[2], 'wb').write(djl_params.encode("
                        + "convert.load(sys.argv[1]), model.DJL_BLOCKS, 8))",
                directory.root().toString(),
                rewritten.toString());

        assertThat(rewritten).hasSameBinaryContentAs(directory.parameters());
        ImageStore testImages =
                new DecodingImageStore(ImageFolderListing.list(test), new InputShape(channels, 8, 8), ResizeMode.NONE);
        ImageSet images =
                testImages.gather(IntStream.range(0, testImages.count()).toArray());
        try (LoadedModel model = LoadedModel.load(directory, dir, Device.cpu());
                Model torchScript = Model.newInstance("every-layer", Device.cpu(), "PyTorch");
                NDManager scope = model.manager().newSubManager()) {
            torchScript.load(script, "every-layer", Map.of());
            ChannelNormalization normalization = model.classifier().normalization();
            NDArray input = normalization.apply(ImageTensors.images(scope, images, 0, images.count()));
            float[] djl = model.network()
                    .forward(new ParameterStore(scope, false), new NDList(input), false)
                    .singletonOrThrow()
                    .toFloatArray();
            float[] torch = torchScript
                    .getBlock()
                    .forward(new ParameterStore(scope, false), new NDList(input), false)
                    .singletonOrThrow()
                    .toFloatArray();

            assertThat(torch).hasSameSizeAs(djl).hasSize(2 * images.count());
            for (int i = 0; i < djl.length; i++) {
                assertThat(torch[i]).as("logit %d", i).isCloseTo(djl[i], within(1e-4f));
            }
        }
    }

    @ParameterizedTest(name = "resize: {0}")
    @ValueSource(strings = {"stretch", "crop"})
    void dataPyResizesAndNormalisesFolderImagesToTheBytesAndFiguresCnnTrainUses(String resize) throws Exception {
        PythonTorch.assumeAvailable();
        TinyImages.writeClasses(dir.resolve("images"), 12, 13, 11, 3);
        Path file = Files.writeString(
                dir.resolve("resized.yaml"),
                TinyImages.modelYaml(
                        "resized",
                        "folder",
                        "  dir: images\n  testSplit: 0.25\n  resize: " + resize + "\n  normalize: auto\n",
                        3));
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(file, dir.resolve("plugin")));
        ModelDirectory trained = ModelDirectory.of(dir.resolve("plugin"), "resized");
        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));
        Path pythonBytes = dir.resolve("test-images.bin");

        // data.py's test images (the model directory's split) as bytes, and cnn:train's test figures measured on
        // them by convert.py's module with data.py's own normalisation
        String measured = PythonTorch.run(
                pkg,
                "-c",
                "import convert, json, sys, train, data as d; config = json.load(open('export.json'));"
                        + " loaded = d.load(config, sys.argv[2], sys.argv[1] + '/test-split.txt');"
                        + " open(sys.argv[3], 'wb').write(loaded.test_x.numpy().tobytes());"
                        + " r = train.evaluate(convert.load(sys.argv[1]), loaded.test_x, loaded.test_y,"
                        + " loaded.normalization, 'cpu', 2);"
                        + " print(json.dumps({'correct': r['correct'], 'loss': r['loss'],"
                        + " 'normalization': loaded.normalization}))",
                trained.root().toString(),
                dir.toString(),
                pythonBytes.toString());

        ImageSet javaImages;
        try (ImageStore test = ModelData.testStore(
                CheckedModel.read(file, MemoryLimit.machine()).spec(),
                trained.root(),
                DecodedCache.folderBeside(trained.root().getParent()),
                line -> {})) {
            javaImages = test.gather(IntStream.range(0, test.count()).toArray());
        }
        assertThat(javaImages.count()).isEqualTo(6);
        assertThat(Files.readAllBytes(pythonBytes))
                .as("data.py's test images, resized by %s, against cnn:train's", resize)
                .isEqualTo(javaImages.pixels());
        Map<?, ?> python = new ObjectMapper()
                .readValue(measured.strip().lines().reduce((a, b) -> b).orElseThrow(), Map.class);
        ModelMetrics metrics = ModelMetrics.read(trained.metrics());
        assertThat(((Number) python.get("correct")).longValue())
                .isEqualTo(metrics.test().correct());
        assertThat(((Number) python.get("loss")).doubleValue())
                .isCloseTo(metrics.test().loss(), within(1e-4));
        Map<?, ?> normalization =
                new ObjectMapper().readValue(Files.readString(trained.root().resolve("normalization.json")), Map.class);
        assertThat(python.get("normalization")).isEqualTo(normalization);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "residual", "torchscript", "frozen"})
    void trainPyWritesAModelDirectoryThatTheCheckMeasuresAsPyTorchDid(String network) throws Exception {
        PythonTorch.assumeAvailable();
        TinyImages.writeClasses(dir.resolve("images"), 20, 8, 8, 1);
        TinyBackbone.copy("backbone8.pt", dir.resolve("backbone.pt"));
        String yaml = TinyImages.modelYaml(
                "split",
                "folder",
                "  dir: images\n  testSplit: 0.25\n  normalize: auto\n  augment:\n"
                        + "    - randomCrop: {padding: 1}\n    - horizontalFlip\n",
                network.equals("plain") || network.equals("residual") ? 3 : 1);
        String layers = Map.of(
                        "plain",
                        "",
                        "residual",
                        RESIDUAL,
                        "torchscript",
                        TORCHSCRIPT,
                        "frozen",
                        TORCHSCRIPT.replace("{afterEpoch: 1}", "false"))
                .get(network);
        Path file = Files.writeString(
                dir.resolve("split.yaml"),
                layers.isEmpty() ? yaml : yaml.replaceFirst("(?s)layers:\n.*?data:\n", layers + "data:\n"));
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(file, dir.resolve("plugin")));
        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));

        PythonTorch.run(pkg, "train.py", "--output", dir.resolve("torch").toString(), "--threads", "1");

        ModelDirectory trained = ModelDirectory.of(dir.resolve("torch"), "split");
        ModelManifest.verify(trained);
        assertThat(Files.readString(trained.manifest())).endsWith("  model.pt\n");
        if (layers.contains("torchscript")) {
            assertThat(trained.root().resolve("torchscript-layer1.pt"))
                    .hasSameBinaryContentAs(dir.resolve("backbone.pt"));
            // trainable: false keeps every parameter and batch-norm statistic of the module (eval mode, no
            // gradient); afterEpoch: 1 trains it in epochs 2 and 3
            PythonTorch.run(
                    pkg,
                    "-c",
                    "import convert, sys, torch; trained = convert.load(sys.argv[1]).layers[0].module.state_dict();"
                            + " pretrained = torch.jit.load(sys.argv[2]).state_dict();"
                            + " same = all(torch.equal(trained[k], pretrained[k]) for k in pretrained);"
                            + " sys.exit(0 if same == (sys.argv[3] == 'frozen') else 'module kept: %s' % same)",
                    trained.root().toString(),
                    dir.resolve("backbone.pt").toString(),
                    network);
        }
        assertThat(trained.root().resolve("test-split.txt"))
                .hasSameTextualContentAs(dir.resolve("plugin/split/test-split.txt"));
        ModelMetrics metrics = ModelMetrics.read(trained.metrics());
        assertThat(metrics.history()).hasSize(3);
        assertThat(metrics.classNames()).containsExactly("blue", "red");
        assertThat(metrics.augmentation())
                .containsExactly("randomCrop: {padding: 1}", "horizontalFlip: {probability: 0.5}");
        List<ModelCheck> checks = new CheckService()
                .check(new CheckRequest(
                        dir.resolve("torch"), dir, Optional.empty(), Optional.empty(), List.of(), List.of(), "cpu"));
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).measured().count())
                .isEqualTo(metrics.test().count())
                .isEqualTo(10);
        assertThat(checks.get(0).measured().correct()).isEqualTo(metrics.test().correct());
        assertThat(checks.get(0).measured().loss()).isCloseTo(metrics.test().loss(), within(1e-4));
        // cnn:check rewrote the directory's report.html (what cnn:report copies into the site) with its figures
        assertThat(checks.get(0).report()).isEqualTo(trained.report());
        assertThat(Files.readString(trained.report()))
                .contains(String.format(Locale.ROOT, "%.2f%%", metrics.test().accuracy() * 100))
                .contains(metrics.test().correct() + " of " + metrics.test().count() + " images");
        // cnn:bless writes the directory's metrics as the baseline, and the check reads that baseline back
        Path baseline = dir.resolve("baselines/split" + CheckRequest.BASELINE_SUFFIX);
        BaselineWriter.bless(trained, baseline);
        assertThat(ModelMetrics.read(baseline).test())
                .usingRecursiveComparison()
                .isEqualTo(metrics.test());
        List<ModelCheck> againstBaseline = new CheckService()
                .check(new CheckRequest(
                        dir.resolve("torch"),
                        dir,
                        Optional.of(dir.resolve("baselines")),
                        Optional.empty(),
                        List.of(Rule.builder("accuracy").absoluteTolerance(0).build()),
                        List.of(),
                        "cpu"));
        assertThat(againstBaseline.get(0).gate().outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(RuleOutcome.Status.PASSED);
            assertThat(outcome.baselineValue()).hasValue(metrics.test().accuracy());
        });
    }

    @Test
    void dataPyCountsAClassOfOneImageInTheSingular() throws Exception {
        PythonTorch.assumeAvailable();
        TinyImages.writeClasses(dir.resolve("images"), 4, 8, 8, 1);
        Path file = TinyImages.writeFolderModel(dir, "split", "  dir: images\n  testSplit: 0.25\n", 3);
        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));

        String printed = PythonTorch.run(
                pkg,
                "-c",
                "import data\n"
                        + "for blue, share in ((1, 0.25), (3, 0.1)):\n"
                        + "    files = [('b%d.png' % i, 'blue/b%d.png' % i, 0) for i in range(blue)]\n"
                        + "    files += [('r%d.png' % i, 'red/r%d.png' % i, 1) for i in range(4)]\n"
                        + "    try:\n"
                        + "        data.stratified_split(files, 2, share, 7)\n"
                        + "    except data.DataError as e:\n"
                        + "        print(e)\n");

        assertThat(printed)
                .isEqualTo("testSplit 0.25 leaves class 0 (1 image) without test or training images\n"
                        + "testSplit 0.1 leaves class 0 (3 images) without test or training images\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{sgd: {learningRate: 0.05, momentum: 0.9, nesterov: true}}\n  schedule: {cosine: {warmupEpochs: 1}}",
                "adamw\n  schedule: oneCycle",
                "adam\n  schedule: {step: {every: 2, factor: 0.5}}",
                "adam\n  schedule: {multiStep: {milestones: [1, 2]}}"
            })
    void theRecipeTrainsWithTheLearningRatesOfCnnTrain(String recipe) throws Exception {
        PythonTorch.assumeAvailable();
        TinyImages.writeClasses(dir.resolve("images"), 20, 8, 8, 1);
        Path file = Files.writeString(
                dir.resolve("recipe.yaml"),
                TinyImages.modelYaml("recipe", "folder", "  dir: images\n  testSplit: 0.25\n", 1)
                        .replace("  optimizer: {adam: {learningRate: 0.01}}\n", "  optimizer: " + recipe + "\n")
                        .replace(
                                "  seed: 7\n",
                                "  seed: 7\n  labelSmoothing: 0.1\n  classWeights: balanced\n"
                                        + "  gradientClipping: {norm: 1.0}\n"));
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(file, dir.resolve("plugin")));
        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));

        String printed = PythonTorch.run(
                pkg, "train.py", "--output", dir.resolve("torch").toString(), "--threads", "1");

        assertThat(printed).containsPattern("(?m)^recipe: epoch 1/\\d+: loss .*, 1 process$");
        ModelManifest.verify(ModelDirectory.of(dir.resolve("torch"), "recipe"));
        List<Double> plugin = ModelMetrics.read(dir.resolve("plugin/recipe/metrics.json")).history().stream()
                .map(EpochMetrics::learningRate)
                .toList();
        List<Double> torch = ModelMetrics.read(dir.resolve("torch/recipe/metrics.json")).history().stream()
                .map(EpochMetrics::learningRate)
                .toList();
        assertThat(torch).hasSize(3).hasSameSizeAs(plugin);
        for (int i = 0; i < plugin.size(); i++) {
            assertThat(torch.get(i)).as("learning rate of epoch %d", i + 1).isCloseTo(plugin.get(i), within(1e-9));
        }
    }

    @Test
    void trainPyCyclesTheMomentumOfOneCycleAsTorchsOneCycleLrAndCnnTrain() throws Exception {
        PythonTorch.assumeAvailable();
        TinyImages.writeClasses(dir.resolve("images"), 20, 8, 8, 1);
        Path file = Files.writeString(
                dir.resolve("recipe.yaml"),
                TinyImages.modelYaml("recipe", "folder", "  dir: images\n  testSplit: 0.25\n", 1)
                        .replace(
                                "  optimizer: {adam: {learningRate: 0.01}}\n",
                                "  optimizer: {sgd: {learningRate: 0.1, momentum: 0.9}}\n"
                                        + "  schedule: {oneCycle: {warmupEpochs: 1, baseMomentum: 0.8}}\n"));
        CheckedModel model = CheckedModel.read(file, MemoryLimit.machine());
        Path pkg = PytorchExport.write(model, dir, dir.resolve("export"));

        // 3 epochs of 4 steps: train.py's momentum of each step, then torch's OneCycleLR's for the same settings
        String printed = PythonTorch.run(
                pkg,
                "-c",
                "import json, torch, train\n"
                        + "s = json.load(open('export.json'))['training']['schedule']\n"
                        + "o = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1, momentum=0.9)\n"
                        + "c = torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=12,"
                        + " pct_start=s['warmupShare'], base_momentum=s['baseMomentum'],"
                        + " max_momentum=s['maxMomentum'])\n"
                        + "m = train.momentum_of(s, 3, 4)\n"
                        + "for k in range(12):\n"
                        + "    print(repr(m(k)), repr(o.param_groups[0]['momentum']))\n"
                        + "    o.step()\n"
                        + "    c.step()\n");

        ModelSpec spec = model.spec();
        LearningRateSchedule schedule = LearningRateSchedule.of(
                spec.training().optimizer(), spec.training().schedule(), 3, 4);
        List<String> lines = printed.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(12);
        for (int k = 0; k < 12; k++) {
            String[] momentums = lines.get(k).split(" ");
            double cnnTrain = schedule.momentumAt(k).getAsDouble();
            assertThat(Double.parseDouble(momentums[0]))
                    .as("train.py's momentum of step %d", k)
                    .isCloseTo(cnnTrain, within(1e-12));
            assertThat(Double.parseDouble(momentums[1]))
                    .as("OneCycleLR's momentum of step %d", k)
                    .isCloseTo(cnnTrain, within(1e-12));
        }
        assertThat(schedule.momentumAt(3).getAsDouble()).isCloseTo(0.8, within(1e-12));
    }

    private Path everyLayerModel(int channels, String layers) throws Exception {
        String yaml = TinyImages.modelYaml(
                        "every-layer",
                        "folder",
                        "  train: {dir: train}\n  test: {dir: test}\n  normalize: auto\n",
                        channels)
                .replaceFirst("(?s)layers:\n.*?data:\n", layers + "data:\n");
        return Files.writeString(dir.resolve("every-layer.yaml"), yaml);
    }
}

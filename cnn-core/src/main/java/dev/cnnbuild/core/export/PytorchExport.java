package dev.cnnbuild.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.metrics.ToolVersions;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ProjectPaths;
import dev.cnnbuild.core.spec.AdamOptimizer;
import dev.cnnbuild.core.spec.AdamWOptimizer;
import dev.cnnbuild.core.spec.AugmentationSpec;
import dev.cnnbuild.core.spec.AutoNormalization;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.ClassWeightsSpec;
import dev.cnnbuild.core.spec.ColorJitterAugmentation;
import dev.cnnbuild.core.spec.CosineSchedule;
import dev.cnnbuild.core.spec.DataSpec;
import dev.cnnbuild.core.spec.FixedNormalization;
import dev.cnnbuild.core.spec.HorizontalFlipAugmentation;
import dev.cnnbuild.core.spec.ImageSource;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.MultiStepSchedule;
import dev.cnnbuild.core.spec.NormalizationSpec;
import dev.cnnbuild.core.spec.OneCycleSchedule;
import dev.cnnbuild.core.spec.OptimizerSpec;
import dev.cnnbuild.core.spec.RandomCropAugmentation;
import dev.cnnbuild.core.spec.RotationAugmentation;
import dev.cnnbuild.core.spec.ScheduleSpec;
import dev.cnnbuild.core.spec.SgdOptimizer;
import dev.cnnbuild.core.spec.StepSchedule;
import dev.cnnbuild.core.spec.TorchScriptLayer;
import dev.cnnbuild.core.spec.TrainingSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a model file as a self-contained PyTorch package, {@code <exportDirectory>/<name>/pytorch/}:
 * {@code model.py} (the network, layer for layer), {@code data.py} (the same data, read and prepared the same way),
 * {@code train.py} (DistributedDataParallel under {@code torchrun}, gloo on CPUs, NCCL on GPUs, a checkpoint each
 * epoch), {@code convert.py} (a model directory trained by {@code cnn:train} into the module and out as
 * TorchScript), the helpers {@code djl_params.py} and {@code model_directory.py}, {@code export.json} (the model
 * file's settings), the model file itself as {@code model.yaml}, and {@code requirements.txt}. {@code train.py
 * --output DIR} writes {@code DIR/<name>/}, a model directory that {@code cnn:check} gates like one
 * {@code cnn:train} wrote.
 *
 * <p>The package is written whole or not at all. A layer or option without a PyTorch translation is an
 * {@link ExportException} naming it, where it is written, and why.
 *
 * <pre>{@code
 * CheckedModel model = CheckedModel.read(Path.of("src/main/cnn/mnist-cnn.yaml"), MemoryLimit.machine());
 * Path pkg = PytorchExport.write(model, Path.of("."), Path.of("target/cnn-export"));
 * // pkg = target/cnn-export/mnist-cnn/pytorch
 * }</pre>
 */
public final class PytorchExport {
    /** The format's name, as {@code -Dcnn.format=pytorch} gives it. */
    public static final String FORMAT = "pytorch";
    /**
     * The PyTorch versions the package was tested with, oldest first: only Debian's {@code python3-torch} 1.13.1,
     * whose {@code torch.__version__} reads {@code 1.13.0a0}.
     */
    public static final List<String> TESTED_TORCH = List.of("1.13.1");

    private static final List<String> COPIED =
            List.of("data.py", "train.py", "convert.py", "djl_params.py", "model_directory.py");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PytorchExport() {}

    /**
     * Writes the package of one model, replacing an older one.
     *
     * @param model the checked model file
     * @param project the project folder, which the package's data paths are relative to ({@code --data-root})
     * @param exportDirectory the folder of exports, such as {@code target/cnn-export}
     * @return the package folder, {@code <exportDirectory>/<name>/pytorch}
     * @throws ExportException naming every layer or option that cannot be exported; nothing is written then
     * @throws IOException if the package cannot be written
     */
    public static Path write(CheckedModel model, Path project, Path exportDirectory)
            throws ExportException, IOException {
        ModelSpec spec = model.spec();
        Path root = project.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        String module = null;
        try {
            module = PytorchModuleSource.of(spec, model.shapes());
        } catch (ExportException e) {
            problems.addAll(e.problems());
        }
        Map<Path, String> modules = moduleFiles(model, problems);
        Map<String, Object> training = training(spec, problems);
        Map<String, Object> data = data(spec, root, problems);
        if (!problems.isEmpty()) {
            throw new ExportException(problems);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", spec.name());
        config.put("source", ProjectPaths.relative(root, spec.source()));
        config.put("cnnbuild", ToolVersions.toolVersion());
        config.put("dataRoot", root.toString());
        config.put(
                "input",
                List.of(
                        spec.input().channels(),
                        spec.input().height(),
                        spec.input().width()));
        config.put("classes", spec.classes());
        config.put("data", data);
        config.put(
                "augmentText",
                spec.data().options().augment().stream()
                        .map(AugmentationSpec::describe)
                        .toList());
        config.put("training", training);
        String moduleText = module;
        Path target = exportDirectory.resolve(spec.name()).resolve(FORMAT);
        return AtomicFiles.writeFolder(target, staging -> {
            Files.writeString(staging.resolve("model.py"), moduleText);
            Files.writeString(staging.resolve("export.json"), JSON.writeValueAsString(config) + "\n");
            Files.writeString(staging.resolve("model.yaml"), spec.yaml());
            Files.writeString(staging.resolve("requirements.txt"), requirements());
            for (Map.Entry<Path, String> moduleFile : modules.entrySet()) {
                Files.copy(moduleFile.getKey(), staging.resolve(moduleFile.getValue()));
            }
            for (String name : COPIED) {
                try (InputStream in = PytorchExport.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("resource " + name + " missing from cnn-core's jar");
                    }
                    Files.write(staging.resolve(name), in.readAllBytes());
                }
            }
        });
    }

    /**
     * The name a torchscript layer's module has in the package and in a model directory.
     *
     * @param layerIndex the layer's 1-based index
     * @return {@code torchscript-layer<N>.pt}
     */
    static String moduleFile(int layerIndex) {
        return ModelDirectory.moduleFile(layerIndex);
    }

    /** The module file of each torchscript layer and its name in the package. */
    private static Map<Path, String> moduleFiles(CheckedModel model, List<String> problems) {
        Map<Path, String> files = new LinkedHashMap<>();
        for (LayerShape shape : model.shapes()) {
            if (shape.layer() instanceof TorchScriptLayer layer) {
                if (layer.file().isPresent() && Files.isRegularFile(layer.file().get())) {
                    files.put(layer.file().get(), moduleFile(shape.index()));
                } else {
                    problems.add(layer.location() + ": layer " + shape.index() + " (torchscript) cannot be exported"
                            + " to PyTorch: its module file "
                            + layer.file().map(Path::toString).orElse("(an artifact cnn:export does not resolve)")
                            + " is not there to be carried in the package; give the layer a file: that exists");
                }
            }
        }
        return files;
    }

    private static String requirements() {
        String oldest = TESTED_TORCH.get(0);
        String newest = TESTED_TORCH.get(TESTED_TORCH.size() - 1);
        String tested = oldest.equals(newest)
                ? "PyTorch " + oldest + " only: the oldest and the newest version tested are both " + oldest
                : "PyTorch " + String.join(", ", TESTED_TORCH) + ": oldest " + oldest + ", newest " + newest;
        return "# cnn:export's package (train.py, convert.py) is written for PyTorch 1.13 or newer.\n"
                + "# Tested with " + tested + " (Debian's python3-torch " + oldest + ",\n"
                + "# whose torch.__version__ reads 1.13.0a0, hence the a0 below); newer versions are untested.\n"
                + "# Debian: apt-get install python3-torch python3-numpy python3-pil\n"
                + "torch>=1.13.0a0\nnumpy\nPillow\n";
    }

    private static Map<String, Object> training(ModelSpec spec, List<String> problems) {
        TrainingSpec training = spec.training();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("epochs", training.epochs());
        out.put("batchSize", training.batchSize());
        out.put("seed", training.seed());
        out.put("testPass", training.testPass().yamlName());
        out.put("optimizer", optimizer(spec, training.optimizer(), problems));
        out.put("schedule", schedule(training.schedule()));
        out.put("labelSmoothing", training.labelSmoothing());
        out.put("classWeights", classWeights(training.classWeights()));
        out.put(
                "gradientClipping",
                training.gradientClipping() == null
                        ? null
                        : training.gradientClipping().norm());
        if (!"softmaxCrossEntropy".equals(training.loss())) {
            problems.add(spec.source() + ": training.loss '" + training.loss() + "' cannot be exported to PyTorch:"
                    + " train.py has only softmaxCrossEntropy (nn.CrossEntropyLoss)");
        }
        if (training.validationSplit() > 0) {
            problems.add(spec.source() + ": training.validationSplit cannot be exported to PyTorch: train.py holds"
                    + " out no validation set; remove it to export, or train this model with cnn:train");
        }
        if (training.earlyStopping() != null) {
            problems.add(spec.source() + ": training.earlyStopping cannot be exported to PyTorch: train.py runs"
                    + " every epoch (give --epochs); remove it to export, or train this model with cnn:train");
        }
        return out;
    }

    private static Map<String, Object> schedule(ScheduleSpec schedule) {
        if (schedule == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warmupEpochs", schedule.warmupEpochs());
        if (schedule instanceof CosineSchedule cosine) {
            out.put("type", "cosine");
            out.put("minLearningRate", cosine.minLearningRate());
        } else if (schedule instanceof StepSchedule step) {
            out.put("type", "step");
            out.put("every", step.every());
            out.put("factor", step.factor());
        } else if (schedule instanceof MultiStepSchedule multi) {
            out.put("type", "multiStep");
            out.put("milestones", multi.milestones());
            out.put("factor", multi.factor());
        } else if (schedule instanceof OneCycleSchedule oneCycle) {
            out.put("type", "oneCycle");
            out.put("warmupShare", oneCycle.warmupShare());
            out.put("cycleMomentum", oneCycle.cycleMomentum());
            out.put("baseMomentum", oneCycle.baseMomentum());
            out.put("maxMomentum", oneCycle.maxMomentum());
        }
        return out;
    }

    private static Map<String, Object> classWeights(ClassWeightsSpec weights) {
        if (weights == null) {
            return null;
        }
        Map<String, Object> named = new LinkedHashMap<>();
        weights.weights().forEach(weight -> named.put(weight.className(), weight.weight()));
        return Map.of("balanced", weights.balanced(), "weights", named);
    }

    private static Map<String, Object> optimizer(ModelSpec spec, OptimizerSpec optimizer, List<String> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", optimizer.type());
        if (optimizer instanceof AdamOptimizer adam) {
            out.put("learningRate", adam.learningRate());
            out.put("beta1", adam.beta1());
            out.put("beta2", adam.beta2());
            out.put("epsilon", adam.epsilon());
            out.put("weightDecay", adam.weightDecay());
        } else if (optimizer instanceof AdamWOptimizer adamw) {
            out.put("learningRate", adamw.learningRate());
            out.put("beta1", adamw.beta1());
            out.put("beta2", adamw.beta2());
            out.put("epsilon", adamw.epsilon());
            out.put("weightDecay", adamw.weightDecay());
        } else if (optimizer instanceof SgdOptimizer sgd) {
            out.put("learningRate", sgd.learningRate());
            out.put("momentum", sgd.momentum());
            out.put("nesterov", sgd.nesterov());
            out.put("weightDecay", sgd.weightDecay());
        } else {
            problems.add(spec.source() + ": training.optimizer '" + optimizer.type() + "' cannot be exported to"
                    + " PyTorch: cnn:export has no translation for it yet; use adam or sgd to export");
        }
        return out;
    }

    private static Map<String, Object> data(ModelSpec spec, Path root, List<String> problems) {
        DataSpec data = spec.data();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", data.format());
        if (data.images().isEmpty()) {
            out.put("train", idxFiles(root, data.train().images(), data.train().labels()));
            out.put("test", idxFiles(root, data.test().images(), data.test().labels()));
            if (!data.classNames().isEmpty()) {
                out.put("classNames", data.classNames());
            }
        } else {
            ImageSource images = data.images().get();
            out.put("format", images.layout().format());
            out.put("train", relative(root, images.train()));
            out.put("test", images.test().map(test -> relative(root, test)).orElse(null));
            out.put("testSplit", images.testSplit());
        }
        out.put("resize", data.options().resize().yamlName());
        out.put("onBadImage", data.options().onBadImage().yamlName());
        out.put(
                "normalize",
                data.options().normalize().map(PytorchExport::normalization).orElse(null));
        List<Map<String, Object>> augment = new ArrayList<>();
        for (AugmentationSpec step : data.options().augment()) {
            Map<String, Object> item = augmentation(step);
            if (item == null) {
                problems.add(step.location() + ": augmentation '" + step.describe() + "' cannot be exported to PyTorch:"
                        + " data.py has no translation for it yet; remove it to export");
            } else {
                augment.add(item);
            }
        }
        out.put("augment", augment);
        return out;
    }

    private static Object normalization(NormalizationSpec normalization) {
        if (normalization instanceof FixedNormalization fixed) {
            return Map.of("mean", fixed.mean(), "std", fixed.std());
        }
        return normalization instanceof AutoNormalization ? "auto" : null;
    }

    private static Map<String, Object> augmentation(AugmentationSpec step) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (step instanceof RandomCropAugmentation crop) {
            item.put("type", RandomCropAugmentation.TYPE);
            item.put("padding", crop.padding());
        } else if (step instanceof HorizontalFlipAugmentation flip) {
            item.put("type", HorizontalFlipAugmentation.TYPE);
            item.put("probability", flip.probability());
        } else if (step instanceof RotationAugmentation rotation) {
            item.put("type", RotationAugmentation.TYPE);
            item.put("degrees", rotation.degrees());
        } else if (step instanceof ColorJitterAugmentation jitter) {
            item.put("type", ColorJitterAugmentation.TYPE);
            item.put("brightness", jitter.brightness());
            item.put("contrast", jitter.contrast());
        } else {
            return null;
        }
        return item;
    }

    private static Map<String, Object> idxFiles(Path root, Path images, Path labels) {
        return Map.of("images", relative(root, images), "labels", relative(root, labels));
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}

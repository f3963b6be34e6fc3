package dev.cnnbuild.core.service;

import ai.djl.nn.Block;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.ModelData;
import dev.cnnbuild.core.engine.DeviceUnavailableException;
import dev.cnnbuild.core.engine.EngineInputs;
import dev.cnnbuild.core.engine.EngineLoader;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.metrics.ToolVersions;
import dev.cnnbuild.core.model.FileHashCache;
import dev.cnnbuild.core.model.Fingerprint;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelDirectoryWriter;
import dev.cnnbuild.core.model.ModelFreshness;
import dev.cnnbuild.core.model.ProjectPaths;
import dev.cnnbuild.core.onnx.OnnxExportException;
import dev.cnnbuild.core.onnx.OnnxExporter;
import dev.cnnbuild.core.report.ReportWriter;
import dev.cnnbuild.core.spec.AugmentationSpec;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.DataFileCheck;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.spec.TorchScriptFiles;
import dev.cnnbuild.core.spec.TorchScriptLayer;
import dev.cnnbuild.core.training.CheckpointStore;
import dev.cnnbuild.core.training.ClassWeights;
import dev.cnnbuild.core.training.ModelTrainer;
import dev.cnnbuild.core.training.TrainedNetwork;
import dev.cnnbuild.core.training.TrainingException;
import dev.cnnbuild.core.training.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Trains one model file and writes its model directory, unless the directory is complete and its fingerprint
 * matches the run's inputs. Training saves a checkpoint beside the model directory after every epoch and resumes
 * from it after a kill; {@code force} retrains and discards it.
 *
 * <p>For a model on the CPU the fingerprint's engine inputs (the PyTorch version, the device type) are told by the
 * request's natives ({@link EngineInputs}), so an up-to-date model is found so without loading the PyTorch
 * engine; a model that trains starts the engine's load on a second thread ({@link EngineLoader}) before its data are
 * decoded, and the loaded engine's own answer is what the model directory's fingerprint records.
 *
 * <pre>{@code
 * TrainingResult result = new TrainingService(listener)
 *         .train(TrainingRequest.of(Path.of("src/main/cnn/mnist.yaml"), Path.of("target/cnn")));
 * }</pre>
 */
public final class TrainingService {
    private final Listener listener;

    /**
     * Training events, and the decision to train taken before them.
     *
     * <pre>{@code
     * TrainingService.Listener listener = (model, reason) -> System.out.println(model + ": training: " + reason);
     * }</pre>
     */
    public interface Listener extends TrainingListener {
        /**
         * Called when a model is about to be trained.
         *
         * @param modelName the model's name
         * @param reason why, such as {@code no model yet at target/cnn/mnist-cnn}
         */
        void onTrainingStarts(String modelName, String reason);

        /**
         * Called before decoding image files, with what was found.
         *
         * @param modelName the model's name
         * @param summary such as {@code 120 training and 30 test images of 2 classes (cat, dog) from ...}
         */
        default void onImagesListed(String modelName, String summary) {}

        /**
         * Called with a line about the data files: the progress of listing, hashing and decoding at most every 10
         * seconds (files per second and time left), and the unreadable images that {@code onBadImage: skip} left
         * out. Called from worker threads too, so it must be thread-safe.
         *
         * @param modelName the model's name
         * @param line such as {@code decoding training images: 41,000 of 90,000 files (46 %), 4,100 files/s, about
         *     12 s left}
         */
        default void onDataLine(String modelName, String line) {}

        /**
         * Called when a trained network is not written as {@code model.onnx}, with the reason.
         *
         * @param modelName the model's name
         * @param reason such as {@code layer 1 (torchscript) is a TorchScript module, which ...}
         */
        default void onNotExported(String modelName, String reason) {}
    }

    /**
     * A service that reports to {@code listener}.
     *
     * @param listener receives the decision to train and the training events
     */
    public TrainingService(Listener listener) {
        this.listener = listener;
    }

    /**
     * Reads and checks the request's model file, and trains it if its model is missing, stale or forced: for one
     * model file on its own, such as in a test. A build checks all its model files first ({@link TrainingPreflight})
     * and calls {@link #train(TrainingRequest, CheckedModel)}.
     *
     * @param request what to train
     * @return what it came to
     * @throws SpecException if the model file is not valid, training it needs more memory than the request's
     *     {@link MemoryLimit}, or a data path is not a readable regular file
     * @throws DatasetException if a data file is missing or does not fit the model file
     * @throws TrainingException if training cannot run, such as on a device that is not there
     * @throws IOException if a file cannot be read or written
     */
    public TrainingResult train(TrainingRequest request)
            throws SpecException, DatasetException, TrainingException, IOException {
        return train(
                request,
                CheckedModel.read(
                        request.modelFile().toAbsolutePath().normalize(), request.memoryLimit(), request.artifacts()));
    }

    /**
     * Trains a checked model file if its model is missing, stale or forced.
     *
     * @param request what to train
     * @param model the request's model file, read and checked once before
     * @return what it came to
     * @throws SpecException if a data path is not a readable regular file
     * @throws DatasetException if a data file is missing or does not fit the model file
     * @throws TrainingException if training cannot run, such as on a device that is not there
     * @throws IOException if a file cannot be read or written
     */
    public TrainingResult train(TrainingRequest request, CheckedModel model)
            throws SpecException, DatasetException, TrainingException, IOException {
        long start = System.nanoTime();
        ModelSpec spec = model.spec();
        DataFileCheck.requireRegularFiles(spec);
        Map<Integer, Path> modules = TorchScriptFiles.resolve(spec);
        DeviceChoice choice = choice(request, spec);
        Optional<EngineInputs> forecast = EngineInputs.forecast(choice, request.natives());
        EngineInputs engine = forecast.isPresent() ? forecast.get() : loaded(choice);
        Consumer<String> dataLines = line -> listener.onDataLine(spec.name(), line);
        ModelData data = ModelData.forTraining(spec, dataLines);
        ClassWeights.check(spec.training().classWeights(), data.classNames());
        Fingerprint fingerprint = fingerprint(spec, data, modules, request, engine, dataLines);
        ModelDirectory target = ModelDirectory.of(request.outputDirectory(), spec.name());
        ModelFreshness freshness = ModelFreshness.check(target, fingerprint, modules.isEmpty());
        if (freshness.upToDate() && !request.force()) {
            return new TrainingResult(spec.name(), freshness.reason(), target, Optional.empty(), OptionalInt.empty());
        }
        EngineLoader.startInBackground();
        String reason = freshness.upToDate()
                ? "forced, although it is up to date (" + freshness.reason() + ")"
                : freshness.reason();
        listener.onTrainingStarts(spec.name(), reason);
        data.summary().ifPresent(summary -> listener.onImagesListed(spec.name(), summary));
        try (ImageStore train = data.trainStore(request.outputDirectory(), dataLines);
                ImageStore test = data.testStore(request.outputDirectory(), dataLines)) {
            ChannelNormalization normalization = Normalizations.of(spec, train);
            if (forecast.isPresent()) {
                EngineInputs loaded = loaded(choice);
                if (!loaded.equals(engine)) {
                    engine = loaded;
                    fingerprint = fingerprint.withEngine(
                            ToolVersions.withPyTorch(engine.pytorchVersion()), engine.deviceType());
                }
            }
            ToolVersions versions = ToolVersions.withPyTorch(engine.pytorchVersion());
            CheckpointStore checkpoints = CheckpointStore.beside(request.outputDirectory(), spec.name());
            ModelTrainer trainer = ModelTrainer.builder()
                    .setModel(model)
                    .optDevice(choice)
                    .optListener(listener)
                    .optCheckpoints(checkpoints, fingerprint.value())
                    .optStartFresh(request.force())
                    .optNormalization(normalization)
                    .optThreads(request.threads())
                    .optClassNames(data.classNames())
                    .optDataWorkers(spec.data().options().workers())
                    .build();
            try (TrainedNetwork trained = trainer.train(train, test)) {
                TestMetrics testMetrics = TestMetrics.of(trained.finalEvaluation());
                String source = ProjectPaths.relative(request.projectDirectory(), spec.source());
                ModelMetrics metrics = new ModelMetrics(
                        spec.name(),
                        source,
                        spec.training().seed(),
                        trained.device(),
                        versions,
                        model.parameterCount(),
                        trained.history(),
                        testMetrics,
                        trained.trainSeconds(),
                        (System.nanoTime() - start) / 1e9,
                        trained.earlyStopping().orElse(null),
                        trained.resumedAfterEpoch().isPresent()
                                ? trained.resumedAfterEpoch().getAsInt()
                                : null,
                        data.classNames(),
                        augmentation(spec));
                String report = ReportWriter.render(trained.finalPredictions(), metrics, testMetrics, test, null);
                ModelDirectory directory = ModelDirectoryWriter.write(
                        request.outputDirectory(),
                        spec.name(),
                        spec.yaml(),
                        trained.network(),
                        metrics,
                        fingerprint,
                        report,
                        directoryFiles(data, normalization),
                        moduleCopies(modules),
                        onnx(spec, trained.network(), modules));
                checkpoints.delete();
                int epochs = trained.history().size();
                OptionalInt kept = trained.earlyStopping()
                        .filter(r -> r.keptEpoch() != epochs)
                        .map(r -> OptionalInt.of(r.keptEpoch()))
                        .orElse(OptionalInt.empty());
                return new TrainingResult(spec.name(), reason, directory, Optional.of(metrics), kept);
            }
        }
    }

    /**
     * Every network trained from a model file's layers is exported; a failure is named before anything is written. A
     * network with a torchscript layer is not: the listener hears which layer, and no file is written.
     */
    private byte[] onnx(ModelSpec spec, Block network, Map<Integer, Path> modules) throws TrainingException {
        if (!modules.isEmpty()) {
            int layer = modules.keySet().iterator().next();
            listener.onNotExported(
                    spec.name(),
                    "layer " + layer + " (torchscript) is a TorchScript module, whose operations the ONNX export"
                            + " does not know; export the whole network from PyTorch with torch.onnx.export if an"
                            + " ONNX file is needed");
            return null;
        }
        try {
            return OnnxExporter.export(spec, network);
        } catch (OnnxExportException e) {
            throw new TrainingException(spec.source() + ": " + e.getMessage());
        }
    }

    /**
     * Hashes the data and module files and returns the run's fingerprint. The maps of the files and their hashes,
     * several objects per image, end here: training keeps only the fingerprint.
     */
    private static Fingerprint fingerprint(
            ModelSpec spec,
            ModelData data,
            Map<Integer, Path> modules,
            TrainingRequest request,
            EngineInputs engine,
            Consumer<String> dataLines)
            throws IOException {
        Map<String, Path> hashed = hashedFiles(spec, data.files(), modules, request.projectDirectory());
        Map<String, String> hashes = FileHashCache.beside(request.outputDirectory(), spec.name())
                .hashes(hashed, Progress.of("hashing data files", hashed.size(), dataLines));
        return Fingerprint.of(spec, hashes, ToolVersions.withPyTorch(engine.pytorchVersion()), engine.deviceType());
    }

    /**
     * The files whose hashes go into the fingerprint, by name: the data files and module files relative to the
     * project, a module artifact by its coordinates, so that where the local repository lies does not matter.
     */
    private static Map<String, Path> hashedFiles(
            ModelSpec spec, List<Path> dataFiles, Map<Integer, Path> modules, Path project) {
        Map<String, Path> hashed = new LinkedHashMap<>(ProjectPaths.named(project, dataFiles));
        modules.forEach((index, file) -> {
            TorchScriptLayer layer = (TorchScriptLayer) spec.layers().get(index - 1);
            hashed.put(
                    layer.artifact()
                            .map(artifact -> "artifact " + artifact.coordinates())
                            .orElse(ProjectPaths.relative(project, file)),
                    file);
        });
        return hashed;
    }

    private static Map<String, Path> moduleCopies(Map<Integer, Path> modules) {
        Map<String, Path> copies = new LinkedHashMap<>();
        modules.forEach((index, file) -> copies.put(ModelDirectory.moduleFile(index), file));
        return copies;
    }

    private static EngineInputs loaded(DeviceChoice choice) throws TrainingException {
        try {
            return EngineInputs.loaded(choice);
        } catch (DeviceUnavailableException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    private static List<String> augmentation(ModelSpec spec) {
        List<String> applied = spec.data().options().augment().stream()
                .map(AugmentationSpec::describe)
                .toList();
        return applied.isEmpty() ? null : applied;
    }

    private static Map<String, String> directoryFiles(ModelData data, ChannelNormalization normalization) {
        Map<String, String> files = new LinkedHashMap<>(data.directoryFiles());
        if (!normalization.isNone()) {
            files.put(ChannelNormalization.FILE_NAME, normalization.toJson());
        }
        return files;
    }

    private static DeviceChoice choice(TrainingRequest request, ModelSpec spec) throws TrainingException {
        DeviceChoice choice = request.device().orElse(spec.training().device());
        try {
            return request.devices().map(choice::withDevices).orElse(choice);
        } catch (IllegalArgumentException e) {
            throw new TrainingException(e.getMessage());
        }
    }
}

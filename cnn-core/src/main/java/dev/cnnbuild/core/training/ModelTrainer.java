package dev.cnnbuild.core.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.engine.DeviceSelector;
import dev.cnnbuild.core.engine.DeviceUnavailableException;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.PredictedEvaluation;
import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.nn.TorchScriptBlock;
import dev.cnnbuild.core.optimizer.LearningRateSchedule;
import dev.cnnbuild.core.optimizer.ResumableOptimizer;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.spec.TorchScriptFiles;
import dev.cnnbuild.core.spec.TrainingSpec;
import dev.cnnbuild.core.text.Counted;
import dev.cnnbuild.core.threads.AdaptiveThreads;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a checked model on a dataset, the way the PyTorch tutorial does: shuffled mini-batches (seeded, last partial
 * batch dropped), cross-entropy loss, the spec's optimizer; a test pass after the last epoch, or after each epoch
 * with {@code training.testPass: everyEpoch}. Optionally it holds out a validation set, stops early, and saves a
 * checkpoint after every epoch from which a later run resumes.
 *
 * <pre>{@code
 * ModelTrainer trainer = ModelTrainer.builder()
 *         .setModel(model)
 *         .optDevice(DeviceChoice.CPU)
 *         .optListener(new ProgressPrinter(System.out::println))
 *         .optCheckpoints(CheckpointStore.beside(Path.of("target/cnn"), model.name()), fingerprint.value())
 *         .build();
 * try (TrainedNetwork trained = trainer.train(trainSet, testSet)) {
 *     trained.finalEvaluation().accuracy();
 * }
 * }</pre>
 *
 * <p>A resumed run ends with the same parameters and figures (timings aside) as an uninterrupted one: the
 * checkpoint holds the parameters and the optimizer's whole state, and each epoch derives its shuffle and engine
 * seeds from the model's seed and its own number ({@link EpochSeeds}).
 */
public final class ModelTrainer {
    private final ModelSpec spec;
    private final List<LayerShape> shapes;
    private final DeviceChoice device;
    private final TrainingListener listener;
    private final CheckpointStore checkpoints;
    private final String fingerprint;
    private final boolean startFresh;
    private final ChannelNormalization normalization;
    private final ThreadSettings threads;
    private final List<String> classNames;
    private final int dataWorkers;

    private ModelTrainer(Builder builder) {
        this.spec = builder.model.spec();
        this.shapes = builder.model.shapes();
        this.device = builder.device == null ? spec.training().device() : builder.device;
        this.listener = builder.listener;
        this.checkpoints = builder.checkpoints;
        this.fingerprint = builder.fingerprint;
        this.startFresh = builder.startFresh;
        this.normalization = builder.normalization;
        this.threads = builder.threads;
        this.classNames = builder.classNames == null
                ? ClassNames.numbered(spec.classes()).names()
                : List.copyOf(builder.classNames);
        this.dataWorkers = builder.dataWorkers > 0
                ? builder.dataWorkers
                : DataWorkers.defaultCount(
                        Runtime.getRuntime().availableProcessors(), threads == null ? 1 : threads.count());
    }

    /** Returns a builder; {@code setModel} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the network from freshly initialised parameters, or from a checkpoint of the same inputs.
     *
     * @param train the training set; the spec's validation split is taken from it
     * @param test the test set, evaluated after the last epoch (after every epoch if the spec says so)
     * @return the trained network; the caller closes it
     * @throws TrainingException if the chosen device cannot be used, the training set is smaller than a batch, the
     *     validation split holds out nothing, a class has no training image for {@code classWeights: balanced},
     *     gradient clipping is asked for on several devices, the loss stops being finite (the run diverges), or a
     *     checkpoint cannot be written
     */
    public TrainedNetwork train(LabeledImages train, LabeledImages test) throws TrainingException {
        return train(new HeapImageStore(train), new HeapImageStore(test));
    }

    /**
     * Trains the network on images read by index, which need not fit the memory: batches are prepared ahead of the
     * network on {@code data.workers} threads.
     *
     * <pre>{@code
     * try (ImageStore train = data.trainStore(output, log::info);
     *         ImageStore test = data.testStore(output, log::info);
     *         TrainedNetwork trained = trainer.train(train, test)) {
     *     trained.finalEvaluation().accuracy();
     * }
     * }</pre>
     *
     * @param train the training set; the spec's validation split is taken from it
     * @param test the test set, evaluated after the last epoch (after every epoch if the spec says so)
     * @return the trained network; the caller closes it
     * @throws TrainingException as {@link #train(LabeledImages, LabeledImages)}, or if an image cannot be read
     */
    public TrainedNetwork train(ImageStore train, ImageStore test) throws TrainingException {
        TrainingSpec settings = spec.training();
        TrainingData data = ValidationSplit.split(spec.name(), train, settings.validationSplit(), settings.seed());
        int batchSize = settings.batchSize();
        int batches = data.train().count() / batchSize;
        if (batches == 0) {
            throw new TrainingException(noBatch(train.count(), data, batchSize));
        }
        float[] classWeights;
        try {
            classWeights = ClassWeights.of(
                    settings.classWeights(), classNames, data.train().labels());
        } catch (IllegalArgumentException e) {
            throw new TrainingException(spec.name() + ": " + e.getMessage());
        }
        Device[] devices = devices();
        if (devices.length > 1 && settings.gradientClipping() != null) {
            throw new TrainingException(spec.name() + ": 'gradientClipping' clips the gradients on one device, but"
                    + " training is to run data-parallel on " + devices.length + " devices; remove 'devices' from"
                    + " training, or remove 'gradientClipping'");
        }
        Engine engine = Engine.getEngine("PyTorch");
        Model model = Model.newInstance(spec.name(), devices[0], "PyTorch");
        try {
            model.setBlock(network(model, devices));
            listener.onStart(new TrainingPlan(
                    spec.name(),
                    DeviceSelector.describe(devices),
                    engine.getEngineName() + " " + engine.getVersion(),
                    data.train().count(),
                    test.count(),
                    settings.epochs(),
                    batchSize,
                    batches,
                    data.validationSize()));
            releaseDataPreparation();
            return run(model, devices, data, test, batches, startingPoint(model, devices), classWeights);
        } catch (RuntimeException | TrainingException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Builds the network; its torchscript modules are loaded from their files and run once to check their declared
     * output.
     */
    private Block network(Model model, Device[] devices) throws TrainingException {
        Map<Integer, Path> modules;
        try {
            modules = TorchScriptFiles.resolve(spec);
        } catch (SpecException e) {
            throw new TrainingException(e.getMessage());
        }
        if (modules.isEmpty()) {
            return NetworkBuilder.build(shapes);
        }
        if (devices.length > 1) {
            throw new TrainingException(spec.source() + ": a network with a torchscript layer trains on one device,"
                    + " but " + devices.length + " were chosen; set 'training.devices: 1' or -Dcnn.devices=1");
        }
        try {
            Block network = NetworkBuilder.build(shapes, model.getNDManager(), modules::get);
            TorchScriptOutputCheck.check(shapes, NetworkBuilder.torchScriptBlocks(network), model.getNDManager());
            return network;
        } catch (IOException e) {
            throw new TrainingException(spec.source() + ": " + e.getMessage());
        }
    }

    private Device[] devices() throws TrainingException {
        try {
            return DeviceSelector.select(device);
        } catch (DeviceUnavailableException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    private String noBatch(int whole, TrainingData data, int batchSize) {
        String start = spec.name() + ": the training set has ";
        if (data.validation() == null || whole < batchSize) {
            return start + Counted.of(whole, "image") + ", fewer than one batch of " + batchSize
                    + "; lower 'training.batchSize'";
        }
        double largest = Math.floor((double) (whole - batchSize) / whole * 100) / 100;
        String split = largest > 0
                ? "lower 'training.validationSplit' to " + String.format(Locale.ROOT, "%.2f", largest) + " or less"
                : "remove 'training.validationSplit'";
        return start + Counted.of(data.train().count(), "image") + " after holding out " + data.validationSize()
                + " for validation, fewer than one batch of " + batchSize + "; " + split
                + ", or lower 'training.batchSize'";
    }

    private StartingPoint startingPoint(Model model, Device[] devices) throws TrainingException {
        if (checkpoints == null) {
            return StartingPoint.FRESH;
        }
        Optional<SavedCheckpoint> found;
        try {
            found = checkpoints.latest();
        } catch (IOException e) {
            discard(checkpoints.folder(), "it cannot be read (" + firstLine(e) + ")");
            return StartingPoint.FRESH;
        }
        if (found.isEmpty()) {
            return StartingPoint.FRESH;
        }
        SavedCheckpoint saved = found.get();
        Checkpoint checkpoint = saved.checkpoint();
        String savedAfter = "it was saved after epoch " + checkpoint.epoch();
        if (startFresh) {
            discard(saved.folder(), savedAfter + ", but a fresh start was asked for");
            return StartingPoint.FRESH;
        }
        if (!fingerprint.equals(checkpoint.fingerprint())) {
            discard(
                    saved.folder(),
                    savedAfter + " for other inputs (fingerprint " + shorten(checkpoint.fingerprint()) + ", now "
                            + shorten(fingerprint) + ")");
            return StartingPoint.FRESH;
        }
        try {
            StartingPoint start = saved.load(model.getBlock(), model.getNDManager());
            listener.onResume(new ResumePoint(
                    spec.name(), checkpoint.epoch(), spec.training().epochs(), saved.folder()));
            return start;
        } catch (IOException | MalformedModelException e) {
            model.setBlock(network(model, devices));
            discard(saved.folder(), "it cannot be read (" + firstLine(e) + ")");
            return StartingPoint.FRESH;
        }
    }

    private void discard(Path folder, String reason) throws TrainingException {
        listener.onCheckpointDiscarded(new DiscardedCheckpoint(spec.name(), folder, reason));
        try {
            checkpoints.delete();
        } catch (IOException e) {
            throw new TrainingException(spec.name() + ": cannot delete the checkpoint " + checkpoints.folder() + " ("
                    + e + "); delete it by hand");
        }
    }

    /**
     * Collects the whole heap once, before the first epoch: listing, hashing and decoding a large image folder make
     * garbage fast enough for G1 to grow its heap far beyond what training needs (its batch arrays are reused), and
     * only a full collection makes G1 give the pages it no longer needs back to the system, which a training of
     * 200,000 files keeps otherwise to its end. It takes about a second there; {@code -XX:+DisableExplicitGC} in the
     * fork's {@code argLine} turns it off.
     */
    private static void releaseDataPreparation() {
        System.gc();
    }

    /** Trains the epochs after the starting point, each followed by the listeners, and returns the network. */
    private TrainedNetwork run(
            Model model,
            Device[] devices,
            TrainingData data,
            ImageStore test,
            int batches,
            StartingPoint start,
            float[] classWeights)
            throws TrainingException {
        TrainingSpec settings = spec.training();
        InputShape input = spec.input();
        Block network = model.getBlock();
        LearningRateSchedule schedule =
                LearningRateSchedule.of(settings.optimizer(), settings.schedule(), settings.epochs(), batches);
        ResumableOptimizer optimizer = ResumableOptimizer.of(settings.optimizer(), start.optimizerSteps(), schedule);
        Loss loss = settings.labelSmoothing() == 0 && classWeights == null
                ? Loss.softmaxCrossEntropyLoss()
                : new SmoothedCrossEntropyLoss(settings.labelSmoothing(), classWeights);
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(devices);
        List<EpochMetrics> history = new ArrayList<>(start.history());
        EarlyStoppingListener stopping = settings.earlyStopping() == null
                ? null
                : new EarlyStoppingListener(settings.earlyStopping(), network, history, start.bestParameters());
        int steps = start.optimizerSteps();
        PredictedEvaluation last;
        try (Trainer trainer = model.newTrainer(config)) {
            Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
            trainer.initialize(new Shape(settings.batchSize(), input.channels(), input.height(), input.width()));
            importOptimizerState(optimizer, start, network);
            try (EpochLoop loop = new EpochLoop(
                            spec,
                            normalization,
                            trainer,
                            optimizer,
                            devices,
                            data,
                            test,
                            batches,
                            dataWorkers,
                            listener);
                    LoopListeners listeners = listeners(devices, network, optimizer, stopping)) {
                List<TorchScriptBlock> modules = NetworkBuilder.torchScriptBlocks(network);
                for (int epoch = start.epoch() + 1; epoch <= settings.epochs() && !listeners.stopsTraining(); epoch++) {
                    for (TorchScriptBlock module : modules) {
                        module.startEpoch(epoch);
                    }
                    EpochMetrics metrics = loop.train(epoch, listeners);
                    steps += batches;
                    history.add(metrics);
                    listeners.onEpoch(new LoopListener.EpochEnd(metrics, history, steps));
                }
                last = loop.lastTestPass();
            }
        }
        return finish(model, DeviceSelector.describe(devices), test, history, last, stopping, start.epoch());
    }

    /**
     * Returns the loop's listeners, in the order they hear each batch and epoch: the divergence check, the thread
     * adaptation, early stopping, the checkpoint (which saves early stopping's best parameters), and progress last, so
     * that an epoch is reported once its checkpoint is saved.
     */
    private LoopListeners listeners(
            Device[] devices, Block network, ResumableOptimizer optimizer, EarlyStoppingListener stopping) {
        List<LoopListener> listeners = new ArrayList<>();
        listeners.add(new DivergenceListener(spec.name()));
        if (threads != null && threads.adaptive() && devices.length == 1 && !devices[0].isGpu()) {
            listeners.add(new AdaptiveThreadsListener(
                    AdaptiveThreads.forPyTorch(spec.name(), threads.count(), listener::onThreadsChanged)));
        }
        if (stopping != null) {
            listeners.add(stopping);
        }
        if (checkpoints != null) {
            listeners.add(new CheckpointListener(
                    spec.name(), checkpoints, fingerprint, spec.training().epochs(), network, optimizer, stopping));
        }
        listeners.add(new ProgressListener(
                listener, spec.training().epochs(), spec.training().batchSize()));
        return new LoopListeners(listeners);
    }

    private TrainedNetwork finish(
            Model model,
            String trainedOn,
            ImageStore test,
            List<EpochMetrics> history,
            PredictedEvaluation last,
            EarlyStoppingListener stopping,
            int resumedAfter)
            throws TrainingException {
        Block network = model.getBlock();
        int lastEpoch = history.get(history.size() - 1).epoch();
        int kept = lastEpoch;
        EarlyStoppingResult stoppingResult = null;
        if (stopping != null) {
            kept = stopping.keptEpoch();
            stoppingResult = stopping.finish(
                    model.getNDManager(), lastEpoch, spec.training().epochs());
            listener.onEarlyStopping(stoppingResult);
        }
        PredictedEvaluation finalEvaluation = last != null && kept == lastEpoch
                ? last
                : EpochLoop.testPass(network, model.getNDManager(), test, spec.classes(), normalization);
        double trainSeconds =
                history.stream().mapToDouble(EpochMetrics::trainSeconds).sum();
        return new TrainedNetwork(
                model, history, finalEvaluation, trainedOn, trainSeconds, stoppingResult, resumedAfter);
    }

    private void importOptimizerState(ResumableOptimizer optimizer, StartingPoint start, Block network)
            throws TrainingException {
        if (start.optimizerState() == null) {
            return;
        }
        try {
            optimizer.importState(start.optimizerState(), network.getParameters());
        } catch (IOException e) {
            throw new TrainingException(spec.name() + ": the checkpoint's optimizer state does not fit the network ("
                    + e.getMessage() + "); delete " + checkpoints.folder() + " and train again");
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String shorten(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }

    /**
     * Configures a {@link ModelTrainer}.
     *
     * <pre>{@code
     * ModelTrainer.builder().setModel(model).optDevice(DeviceChoice.AUTO).build();
     * }</pre>
     */
    public static final class Builder {
        private CheckedModel model;
        private DeviceChoice device;
        private TrainingListener listener = new TrainingListener() {};
        private CheckpointStore checkpoints;
        private String fingerprint;
        private boolean startFresh;
        private ChannelNormalization normalization = ChannelNormalization.NONE;
        private ThreadSettings threads;
        private List<String> classNames;
        private int dataWorkers;

        private Builder() {}

        /**
         * Sets the model to train (required): its spec, and the shapes the network is built from, so that they are
         * not inferred again.
         */
        public Builder setModel(CheckedModel model) {
            this.model = model;
            return this;
        }

        /** Overrides the spec's {@code training.device}. */
        public Builder optDevice(DeviceChoice device) {
            this.device = device;
            return this;
        }

        /** Sets who hears about progress. */
        public Builder optListener(TrainingListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Saves a checkpoint after every epoch, and resumes from the store's checkpoint if it was saved for the
         * same fingerprint (another one is deleted). Without this, no checkpoint is read or written.
         *
         * @param store where checkpoints go
         * @param fingerprint the {@code Fingerprint} value of this run's inputs
         * @return this builder
         */
        public Builder optCheckpoints(CheckpointStore store, String fingerprint) {
            this.checkpoints = store;
            this.fingerprint = fingerprint;
            return this;
        }

        /** Deletes any checkpoint instead of resuming from it, such as when a retraining is forced. */
        public Builder optStartFresh(boolean startFresh) {
            this.startFresh = startFresh;
            return this;
        }

        /**
         * Sets the normalisation per channel of every batch, validation and test pass ({@code data.normalize});
         * none by default.
         *
         * <pre>{@code
         * ModelTrainer.builder().setModel(model).optNormalization(new ChannelNormalization(mean, std)).build();
         * }</pre>
         */
        public Builder optNormalization(ChannelNormalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /**
         * Sets the threads PyTorch runs with; where they adapt, the training on the CPU gives up threads while other
         * processes keep the processors busy, and takes them back when they are free ({@link AdaptiveThreads}).
         * Unset, the thread count stays as it is.
         *
         * <pre>{@code
         * ModelTrainer.builder().setModel(model).optThreads(ThreadSettings.decide(2, true)).build();
         * }</pre>
         */
        public Builder optThreads(ThreadSettings threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Sets the class names, in label order, that {@code training.classWeights} names classes by; the label
         * numbers by default.
         *
         * <pre>{@code
         * ModelTrainer.builder().setModel(model).optClassNames(data.classNames()).build();
         * }</pre>
         */
        public Builder optClassNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        /**
         * Sets the threads that prepare training batches ahead of the network (read, augment, scale); by default
         * {@link DataWorkers#defaultCount}. The batches are the same whatever the count.
         *
         * <pre>{@code
         * ModelTrainer.builder().setModel(model).optDataWorkers(4).build();
         * }</pre>
         *
         * @param dataWorkers at least 1, or 0 for the default
         * @return this builder
         */
        public Builder optDataWorkers(int dataWorkers) {
            this.dataWorkers = dataWorkers;
            return this;
        }

        /** Builds the trainer. */
        public ModelTrainer build() {
            if (model == null) {
                throw new IllegalStateException("setModel is required");
            }
            return new ModelTrainer(this);
        }
    }
}

package dev.cnnbuild.core.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Evaluator;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.spec.AdamOptimizer;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.OptimizerSpec;
import dev.cnnbuild.core.spec.SgdOptimizer;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a model spec on a dataset, the way the PyTorch tutorial does: shuffled mini-batches (seeded, last partial
 * batch dropped), cross-entropy loss, the spec's optimizer, a test pass after each epoch.
 *
 * <pre>{@code
 * ModelTrainer trainer = ModelTrainer.builder()
 *         .setSpec(spec)
 *         .optDevice(DeviceChoice.CPU)
 *         .optListener(new ProgressPrinter(System.out::println))
 *         .build();
 * try (TrainedNetwork trained = trainer.train(trainSet, testSet)) {
 *     trained.finalEvaluation().accuracy();
 * }
 * }</pre>
 */
public final class ModelTrainer {
    private static final int EVALUATION_BATCH = 1000;

    private final ModelSpec spec;
    private final DeviceChoice device;
    private final TrainingListener listener;

    private ModelTrainer(Builder builder) {
        this.spec = builder.spec;
        this.device = builder.device == null ? spec.training().device() : builder.device;
        this.listener = builder.listener;
    }

    /** Returns a builder; {@code setSpec} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the network from freshly initialised parameters.
     *
     * @param train the training set
     * @param test the test set, evaluated after every epoch
     * @return the trained network; the caller closes it
     * @throws SpecException if the spec's shapes do not fit together
     * @throws TrainingException if the chosen device cannot be used or the training set is smaller than a batch
     */
    public TrainedNetwork train(LabeledImages train, LabeledImages test) throws SpecException, TrainingException {
        TrainingSpec settings = spec.training();
        int batchSize = settings.batchSize();
        int batches = train.size() / batchSize;
        if (batches == 0) {
            throw new TrainingException(spec.name() + ": the training set has " + train.size()
                    + " images, fewer than one batch of " + batchSize + "; lower 'training.batchSize'");
        }
        Device chosen = DeviceSelector.select(device);
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) settings.seed());
        Model model = Model.newInstance(spec.name(), chosen, "PyTorch");
        try {
            model.setBlock(NetworkBuilder.build(spec));
            listener.onStart(new TrainingPlan(spec.name(), chosen.toString(),
                    engine.getEngineName() + " " + engine.getVersion(), train.size(), test.size(),
                    settings.epochs(), batchSize, batches));
            return run(model, train, test, batches);
        } catch (RuntimeException | SpecException e) {
            model.close();
            throw e;
        }
    }

    private TrainedNetwork run(Model model, LabeledImages train, LabeledImages test, int batches) {
        TrainingSpec settings = spec.training();
        int batchSize = settings.batchSize();
        InputShape input = spec.input();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer(settings.optimizer()))
                .optDevices(new Device[] {model.getNDManager().getDevice()});
        List<EpochMetrics> history = new ArrayList<>();
        Random shuffler = new Random(settings.seed());
        double trainSeconds = 0;
        Evaluation last = null;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(batchSize, input.channels(), input.height(), input.width()));
            NDManager manager = trainer.getManager();
            NDArray images = ImageTensors.images(manager, train.images(), 0, train.size());
            NDArray labels = ImageTensors.labels(manager, train.labels());
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long[] order = permutation(train.size(), shuffler);
                long start = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                for (int b = 0; b < batches; b++) {
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray index = scope.create(Arrays.copyOfRange(order, b * batchSize,
                                (b + 1) * batchSize));
                        NDArray x = images.get(new NDIndex("{}", index));
                        NDArray y = labels.get(new NDIndex("{}", index));
                        x.attach(scope);
                        y.attach(scope);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                            collector.backward(loss);
                            lossSum += loss.getFloat();
                            correct += logits.argMax(1).eq(y).countNonzero().getLong();
                        }
                        trainer.step();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    listener.onBatch(new BatchProgress(epoch, settings.epochs(), b + 1, batches,
                            (b + 1) * batchSize / seconds, lossSum / (b + 1),
                            seconds / (b + 1) * (batches - b - 1)));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                trainSeconds += seconds;
                last = Evaluator.evaluate(model.getBlock(), manager, test, spec.classes(), EVALUATION_BATCH);
                EpochMetrics metrics = new EpochMetrics(epoch, lossSum / batches,
                        (double) correct / ((long) batches * batchSize), last.loss(), last.accuracy(), seconds,
                        (long) batches * batchSize / seconds);
                history.add(metrics);
                listener.onEpoch(metrics);
            }
            images.close();
            labels.close();
        }
        return new TrainedNetwork(model, history, last, model.getNDManager().getDevice().toString(), trainSeconds);
    }

    private static long[] permutation(int size, Random random) {
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static Optimizer optimizer(OptimizerSpec spec) {
        if (spec instanceof AdamOptimizer adam) {
            return Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) adam.learningRate()))
                    .optBeta1((float) adam.beta1())
                    .optBeta2((float) adam.beta2())
                    .optEpsilon((float) adam.epsilon())
                    .optWeightDecays((float) adam.weightDecay())
                    .build();
        }
        SgdOptimizer sgd = (SgdOptimizer) spec;
        return Optimizer.sgd()
                .setLearningRateTracker(Tracker.fixed((float) sgd.learningRate()))
                .optMomentum((float) sgd.momentum())
                .optWeightDecays((float) sgd.weightDecay())
                .build();
    }

    /**
     * Configures a {@link ModelTrainer}.
     *
     * <pre>{@code
     * ModelTrainer.builder().setSpec(spec).optDevice(DeviceChoice.AUTO).build();
     * }</pre>
     */
    public static final class Builder {
        private ModelSpec spec;
        private DeviceChoice device;
        private TrainingListener listener = new TrainingListener() { };

        private Builder() {
        }

        /** Sets the model spec to train (required). */
        public Builder setSpec(ModelSpec spec) {
            this.spec = spec;
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

        /** Builds the trainer. */
        public ModelTrainer build() {
            if (spec == null) {
                throw new IllegalStateException("setSpec is required");
            }
            return new ModelTrainer(this);
        }
    }
}

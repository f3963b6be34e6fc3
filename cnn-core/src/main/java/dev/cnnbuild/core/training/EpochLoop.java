package dev.cnnbuild.core.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Evaluator;
import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.evaluation.PredictedEvaluation;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.nn.TorchScriptBlock;
import dev.cnnbuild.core.optimizer.ResumableOptimizer;
import dev.cnnbuild.core.spec.GradientClippingSpec;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.TrainingSpec;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * One training run's epochs, as the PyTorch tutorial trains them: each epoch shuffles the training set (seeded by
 * the model's seed and the epoch's number, {@link EpochSeeds}), trains seeded mini-batches (the last partial one
 * dropped) that worker threads prepare ahead of the network ({@link BatchStream}), then measures the test set where
 * asked and the validation set where there is one. What follows from a batch or an epoch is left to the
 * {@link LoopListener}s. With {@code training.gradientClipping}, the gradients are clipped between the backward pass
 * and the optimizer's step, which on one device takes all parameters at once ({@link ResumableOptimizer#stepAll}) and
 * on several goes through the trainer's parameter server. Each epoch records the learning rate of its last step.
 * Closing frees the labels' tensor and stops the workers.
 *
 * <pre>{@code
 * try (EpochLoop loop =
 *         new EpochLoop(spec, normalization, trainer, optimizer, devices, data, test, batches, 2, listener)) {
 *     EpochMetrics metrics = loop.train(1, listeners);
 * }
 * }</pre>
 */
final class EpochLoop implements AutoCloseable {
    /** The most images per batch of a test or validation pass. */
    static final int EVALUATION_BATCH = 1000;

    /** The most bytes of float input per batch of a test or validation pass. */
    static final long EVALUATION_BATCH_BYTES = 64L << 20;

    private final ModelSpec spec;
    private final TrainingSpec settings;
    private final ChannelNormalization normalization;
    private final Trainer trainer;
    private final ResumableOptimizer optimizer;
    private final Set<String> moduleParameters;
    private final Device[] devices;
    private final Block network;
    private final NDManager manager;
    private final TrainingData data;
    private final ImageStore test;
    private final int batches;
    private final NDArray labels;
    private final BatchStream stream;
    private final TrainingListener listener;
    private PredictedEvaluation lastTestPass;

    EpochLoop(
            ModelSpec spec,
            ChannelNormalization normalization,
            Trainer trainer,
            ResumableOptimizer optimizer,
            Device[] devices,
            TrainingData data,
            ImageStore test,
            int batches,
            int workers,
            TrainingListener listener) {
        this.spec = spec;
        this.settings = spec.training();
        this.normalization = normalization;
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.devices = devices;
        this.network = trainer.getModel().getBlock();
        this.moduleParameters = moduleParameters(network);
        this.manager = trainer.getManager();
        this.data = data;
        this.test = test;
        this.batches = batches;
        this.labels = ImageTensors.labels(manager, data.train().labels());
        this.listener = listener;
        this.stream = new BatchStream(
                data.train(),
                new Augmenter(spec.data().options().augment(), settings.seed()),
                settings.batchSize(),
                workers,
                ImageTensors.isChannelsLast(network, manager));
    }

    /**
     * Trains one epoch and measures it.
     *
     * @param epoch the epoch, from 1
     * @param listeners told about each batch
     * @return the epoch's figures
     * @throws TrainingException if a listener stops the training
     */
    EpochMetrics train(int epoch, LoopListener listeners) throws TrainingException {
        Engine.getEngine("PyTorch").setRandomSeed(EpochSeeds.engine(settings.seed(), epoch));
        long[] order = permutation(data.train().count(), new Random(EpochSeeds.shuffle(settings.seed(), epoch)));
        long begin = System.nanoTime();
        stream.startEpoch(order, epoch, batches);
        double lossSum = 0;
        long correct = 0;
        for (int b = 0; b < batches; b++) {
            DataParallelStep.BatchFigures figures = trainBatch(stream.next());
            lossSum += figures.loss();
            correct += figures.correct();
            listeners.onBatch(new LoopListener.BatchEnd(epoch, b + 1, batches, figures.loss(), lossSum, begin));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        listener.onDataWait(new DataWait(epoch, stream.waitedNanos() / 1e9, seconds, stream.workers()));
        PredictedEvaluation tested = settings.testsEveryEpoch() || epoch == settings.epochs()
                ? testPass(network, manager, test, spec.classes(), normalization)
                : null;
        if (tested != null) {
            lastTestPass = tested;
        }
        Evaluation validation = data.validation() == null ? null : validationPass();
        int images = batches * settings.batchSize();
        return new EpochMetrics(
                epoch,
                lossSum / batches,
                (double) correct / images,
                tested == null ? null : tested.evaluation().loss(),
                tested == null ? null : tested.evaluation().accuracy(),
                seconds,
                images / seconds,
                validation == null ? null : validation.loss(),
                validation == null ? null : validation.accuracy(),
                optimizer.schedule().at((long) epoch * batches - 1));
    }

    private Evaluation validationPass() throws TrainingException {
        try {
            return Evaluator.evaluate(
                    network,
                    manager,
                    data.validation(),
                    spec.classes(),
                    evaluationBatch(data.validation()),
                    PixelScaling.UNIT,
                    normalization);
        } catch (DatasetException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    /** Returns the last test pass of this run, or {@code null} if no epoch measured the test set. */
    PredictedEvaluation lastTestPass() {
        return lastTestPass;
    }

    /**
     * Evaluates on the test set, keeping the predictions too: the last epoch's pass also serves the report.
     *
     * @param network the network
     * @param manager where the batches' tensors go
     * @param test the test set
     * @param classes the model's classes
     * @param normalization the normalisation per channel
     * @return the figures and predictions
     * @throws TrainingException if a test image cannot be read
     */
    static PredictedEvaluation testPass(
            Block network, NDManager manager, ImageStore test, int classes, ChannelNormalization normalization)
            throws TrainingException {
        try {
            return Evaluator.evaluateAndPredict(
                    network, manager, test, classes, evaluationBatch(test), PixelScaling.UNIT, normalization);
        } catch (DatasetException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    /** Trains one batch: forward, loss, backward and the optimizer's step, on one device or split across several. */
    private DataParallelStep.BatchFigures trainBatch(BatchStream.Batch prepared) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray index = scope.create(prepared.picked());
            NDArray x = batchImages(scope, prepared);
            NDArray y = labels.get(new NDIndex("{}", index));
            x.attach(scope);
            y.attach(scope);
            DataParallelStep.BatchFigures figures =
                    devices.length > 1 ? DataParallelStep.train(trainer, devices, x, y) : oneDeviceStep(x, y);
            GradientClippingSpec clipping = settings.gradientClipping();
            if (clipping != null) {
                GradientClipping.clip(network, clipping.norm());
            }
            if (devices.length == 1) {
                optimizer.stepAll(network, moduleParameters);
            } else {
                optimizer.beginStep();
                trainer.step();
            }
            return figures;
        }
    }

    /** Returns the ids of the parameters that a network's TorchScript modules hold. */
    private static Set<String> moduleParameters(Block network) {
        Set<String> ids = new HashSet<>();
        for (TorchScriptBlock module : NetworkBuilder.torchScriptBlocks(network)) {
            module.getParameters().values().forEach(parameter -> ids.add(parameter.getId()));
        }
        return ids;
    }

    private DataParallelStep.BatchFigures oneDeviceStep(NDArray x, NDArray y) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
            collector.backward(loss);
            double batchLoss = loss.getFloat();
            long correct = logits.argMax(1).eq(y).countNonzero().getLong();
            return new DataParallelStep.BatchFigures(batchLoss, correct);
        }
    }

    /**
     * Returns one batch as the network's input: the images' bytes, gathered and augmented by a worker (which also
     * scaled them where the network takes them channels-last), scaled to [0, 1] and normalised, as
     * {@link ImageTensors#input} makes them. The tensor has storage of its own, so the batch's buffer goes back to
     * the stream here.
     */
    private NDArray batchImages(NDManager scope, BatchStream.Batch prepared) {
        ImageStore train = data.train();
        NDArray input = prepared.floats() == null
                ? ImageTensors.fromBytes(
                        scope, prepared.bytes(), prepared.count(), train.channels(), train.height(), train.width())
                : ImageTensors.fromChannelsLast(
                        scope, prepared.floats(), prepared.count(), train.channels(), train.height(), train.width());
        stream.recycle(prepared);
        return normalization.apply(input);
    }

    /**
     * Returns the images per batch of a test or validation pass: {@value #EVALUATION_BATCH}, or fewer where their float
     * input would take more than {@link #EVALUATION_BATCH_BYTES} (1000 images of 224x224 would take 602 MB, twice over
     * while they are laid out channels-last), so that measuring costs little memory beside training.
     */
    static int evaluationBatch(ImageStore images) {
        long perImage = (long) images.imageSize() * Float.BYTES;
        return (int) Math.max(1, Math.min(EVALUATION_BATCH, EVALUATION_BATCH_BYTES / perImage));
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

    @Override
    public void close() {
        stream.close();
        labels.close();
    }
}

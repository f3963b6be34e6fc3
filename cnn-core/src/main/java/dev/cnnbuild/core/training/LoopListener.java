package dev.cnnbuild.core.training;

import dev.cnnbuild.core.metrics.EpochMetrics;
import java.util.List;

/**
 * One concern of the epoch loop, told about each batch and epoch as DJL's {@code TrainingListener} is: the loop only
 * trains and measures, and what follows from a batch or an epoch (a check that the loss is finite, the thread count,
 * progress, early stopping, a checkpoint) is a listener of its own. Listeners run in the order they are given; one
 * that throws stops the training. Closing gives back what a listener holds, such as a changed thread count.
 *
 * <pre>{@code
 * LoopListener divergence = new DivergenceListener("mnist-cnn");
 * divergence.onBatch(new LoopListener.BatchEnd(1, 2, 16, Double.NaN, Double.NaN, begin));   // TrainingException
 * }</pre>
 */
interface LoopListener extends AutoCloseable {

    /**
     * Called after every batch's optimizer step.
     *
     * @param batch where the epoch stands
     * @throws TrainingException if training must stop
     */
    default void onBatch(BatchEnd batch) throws TrainingException {}

    /**
     * Called after every epoch, once its figures are measured.
     *
     * @param epoch the epoch's figures and the run's so far
     * @throws TrainingException if training must stop
     */
    default void onEpoch(EpochEnd epoch) throws TrainingException {}

    /** Returns whether training is to stop before the next epoch. */
    default boolean stopsTraining() {
        return false;
    }

    /** Gives back what the listener holds; nothing by default. */
    @Override
    default void close() {}

    /**
     * A batch just trained.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch, from 1
     * @param batches batches per epoch
     * @param loss this batch's loss
     * @param lossSum the sum of this epoch's batch losses so far
     * @param epochStartNanos {@link System#nanoTime()} when the epoch began
     */
    record BatchEnd(int epoch, int batch, int batches, double loss, double lossSum, long epochStartNanos) {}

    /**
     * An epoch just measured.
     *
     * @param metrics its figures
     * @param history every epoch's figures so far, a resumed run's earlier ones included
     * @param optimizerSteps the optimizer's steps so far
     */
    record EpochEnd(EpochMetrics metrics, List<EpochMetrics> history, int optimizerSteps) {}
}

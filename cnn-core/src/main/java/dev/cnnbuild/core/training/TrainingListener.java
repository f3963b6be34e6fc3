package dev.cnnbuild.core.training;

import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.threads.ThreadChange;

/**
 * Hears about training as it happens. Every method does nothing by default.
 *
 * <pre>{@code
 * TrainingListener printer = new TrainingListener() {
 *     public void onEpoch(EpochMetrics epoch) {
 *         System.out.println("epoch " + epoch.epoch() + ": " + epoch.testAccuracy());
 *     }
 * };
 * }</pre>
 */
public interface TrainingListener {

    /** Called once before the first epoch. */
    default void onStart(TrainingPlan plan) {}

    /** Called after {@link #onStart} when a checkpoint of an earlier run is taken up. */
    default void onResume(ResumePoint point) {}

    /** Called after {@link #onStart} when a checkpoint is found but cannot or must not be taken up. */
    default void onCheckpointDiscarded(DiscardedCheckpoint discarded) {}

    /** Called after every batch; throttle here, not in the trainer. */
    default void onBatch(BatchProgress progress) {}

    /** Called after every epoch, once its test pass is done and its checkpoint (if any) is saved. */
    default void onEpoch(EpochMetrics epoch) {}

    /** Called after every epoch's training batches with how long the network waited for them. */
    default void onDataWait(DataWait wait) {}

    /** Called between batches when the training changes its thread count to fit the machine's load. */
    default void onThreadsChanged(ThreadChange change) {}

    /** Called once after the last epoch when the model file asks for early stopping. */
    default void onEarlyStopping(EarlyStoppingResult result) {}
}

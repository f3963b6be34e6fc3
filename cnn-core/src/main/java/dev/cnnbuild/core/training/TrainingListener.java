package dev.cnnbuild.core.training;

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
    default void onStart(TrainingPlan plan) {
    }

    /** Called after every batch; throttle here, not in the trainer. */
    default void onBatch(BatchProgress progress) {
    }

    /** Called after every epoch, once its test pass is done. */
    default void onEpoch(EpochMetrics epoch) {
    }
}

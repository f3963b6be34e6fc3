package dev.cnnbuild.core.metrics;

/**
 * How early stopping ended a run, as stored in {@code metrics.json}: whether it stopped before the last epoch,
 * after which epoch, and which epoch's parameters were kept (the best one by the metric).
 *
 * <pre>{@code
 * trained.earlyStopping().ifPresent(r -> System.out.println("kept epoch " + r.keptEpoch() + ": " + r.reason()));
 * // kept epoch 4: validationLoss did not improve for 3 epochs
 * }</pre>
 *
 * @param metric the metric watched, as written in the model file, such as {@code validationLoss}
 * @param patience epochs without improvement that stop training
 * @param minDelta the least change that counts as an improvement
 * @param stoppedEarly whether training stopped before the last epoch of the model file
 * @param lastEpoch the last epoch trained
 * @param keptEpoch the epoch whose parameters the model keeps: the best by the metric
 * @param keptValue the metric's value after the kept epoch
 * @param reason why training ended, in words
 */
public record EarlyStoppingResult(
        String metric,
        int patience,
        double minDelta,
        boolean stoppedEarly,
        int lastEpoch,
        int keptEpoch,
        double keptValue,
        String reason) {}

package dev.cnnbuild.core.spec;

/**
 * When to stop training before the last epoch: after {@code patience} epochs in which {@code metric} did not
 * improve by more than {@code minDelta}. The parameters of the best epoch are kept.
 *
 * <pre>{@code
 * training:
 *   epochs: 30
 *   validationSplit: 0.1
 *   earlyStopping: {metric: validationLoss, patience: 3, minDelta: 0.001}   # minDelta is 0 unless given
 * }</pre>
 *
 * @param metric what is watched
 * @param patience how many epochs in a row may fail to improve before training stops, at least 1
 * @param minDelta how much better than the best so far a value must be to count as an improvement, 0 or more
 */
public record EarlyStoppingSpec(EarlyStoppingMetric metric, int patience, double minDelta) {}

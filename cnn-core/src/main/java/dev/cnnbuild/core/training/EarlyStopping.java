package dev.cnnbuild.core.training;

import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.spec.EarlyStoppingMetric;
import dev.cnnbuild.core.spec.EarlyStoppingSpec;
import dev.cnnbuild.core.text.Counted;
import java.util.Locale;

/**
 * Watches one metric epoch by epoch: remembers the best epoch and counts the epochs since it improved by more than
 * {@code minDelta}; training stops once that count reaches {@code patience}. The first epoch is always the best so
 * far.
 *
 * <pre>{@code
 * EarlyStopping stopping = new EarlyStopping(spec.training().earlyStopping());
 * boolean best = stopping.observe(epochMetrics);   // keep the parameters if best
 * if (stopping.shouldStop()) { ... }
 * }</pre>
 */
final class EarlyStopping {
    private final EarlyStoppingSpec spec;
    private int lastEpoch;
    private int bestEpoch;
    private double bestValue;
    private int epochsWithoutImprovement;

    EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = spec;
    }

    /**
     * Takes in the figures of the next epoch.
     *
     * @return whether this epoch is now the best one
     */
    boolean observe(EpochMetrics epoch) {
        double value = valueOf(spec.metric(), epoch);
        lastEpoch = epoch.epoch();
        if (bestEpoch == 0 || improves(value)) {
            bestEpoch = epoch.epoch();
            bestValue = value;
            epochsWithoutImprovement = 0;
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    /** Returns whether the metric has not improved for {@code patience} epochs. */
    boolean shouldStop() {
        return epochsWithoutImprovement >= spec.patience();
    }

    /** Returns the best epoch so far, 0 before the first. */
    int bestEpoch() {
        return bestEpoch;
    }

    /**
     * Describes how the run ended.
     *
     * @param epochs the number of epochs of the model file
     */
    EarlyStoppingResult result(int epochs) {
        String metric = spec.metric().yamlName();
        boolean stoppedEarly = shouldStop() && lastEpoch < epochs;
        String reason = shouldStop()
                ? String.format(
                        Locale.ROOT,
                        "%s did not improve%s for %d epoch%s",
                        metric,
                        byMoreThan(),
                        epochsWithoutImprovement,
                        epochsWithoutImprovement == 1 ? "" : "s")
                : String.format(
                        Locale.ROOT,
                        "trained %s; %s was best after epoch %d",
                        epochs == 1 ? "the only epoch" : "all " + Counted.of(epochs, "epoch"),
                        metric,
                        bestEpoch);
        return new EarlyStoppingResult(
                metric, spec.patience(), spec.minDelta(), stoppedEarly, lastEpoch, bestEpoch, bestValue, reason);
    }

    private String byMoreThan() {
        return spec.minDelta() == 0 ? "" : " by more than " + spec.minDelta();
    }

    private boolean improves(double value) {
        return spec.metric().lowerIsBetter()
                ? value < bestValue - spec.minDelta()
                : value > bestValue + spec.minDelta();
    }

    private static double valueOf(EarlyStoppingMetric metric, EpochMetrics epoch) {
        return switch (metric) {
            case VALIDATION_LOSS -> epoch.validationLoss();
            case VALIDATION_ACCURACY -> epoch.validationAccuracy();
            case TEST_LOSS -> epoch.testLoss();
            case TEST_ACCURACY -> epoch.testAccuracy();
        };
    }
}

package dev.cnnbuild.core.rules;

/**
 * Which way a metric improves, as TFMA's {@code MetricDirection} and MLflow's {@code greater_is_better} say it.
 *
 * <pre>{@code
 * Direction.HIGHER_IS_BETTER.worsening(0.9712, 0.9866); //  0.0154: got worse
 * Direction.LOWER_IS_BETTER.worsening(0.0812, 0.0712);  //  0.0100: got worse
 * Direction.LOWER_IS_BETTER.worsening(0.0600, 0.0712);  // -0.0112: got better
 * }</pre>
 */
public enum Direction {
    /** Larger values are better, as for accuracy, precision, recall and F1. */
    HIGHER_IS_BETTER,
    /** Smaller values are better, as for loss. */
    LOWER_IS_BETTER;

    /**
     * Returns how much worse {@code candidate} is than {@code baseline}: positive when it got worse, negative when
     * it got better, zero when equal.
     *
     * @param candidate the value measured now
     * @param baseline the value it is compared with
     * @return the worsening, in the metric's own unit
     */
    public double worsening(double candidate, double baseline) {
        return this == HIGHER_IS_BETTER ? baseline - candidate : candidate - baseline;
    }
}

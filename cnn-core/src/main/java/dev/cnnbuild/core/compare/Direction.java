package dev.cnnbuild.core.compare;

/**
 * Which way a metric improves, as TFMA's {@code MetricDirection} and MLflow's {@code greater_is_better} say.
 *
 * <pre>{@code
 * Direction.HIGHER_IS_BETTER.worsening(0.98, 0.97);   // 0.01: accuracy fell by 0.01
 * }</pre>
 */
public enum Direction {
    /** Accuracy, precision, recall, F1. */
    HIGHER_IS_BETTER,
    /** Loss. */
    LOWER_IS_BETTER;

    /**
     * Returns by how much {@code current} is worse than {@code baseline}: positive when worse, negative when
     * better.
     *
     * @param baseline the baseline value
     * @param current the current value
     * @return the worsening, in the metric's own unit
     */
    public double worsening(double baseline, double current) {
        return this == HIGHER_IS_BETTER ? baseline - current : current - baseline;
    }
}

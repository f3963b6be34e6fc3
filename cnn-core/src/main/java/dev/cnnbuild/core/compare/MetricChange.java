package dev.cnnbuild.core.compare;

/**
 * One metric of a model against its baseline.
 *
 * <pre>{@code
 * MetricChange change = new MetricChange("accuracy", Direction.HIGHER_IS_BETTER, 0.9850, 0.9712);
 * change.absoluteChange();   // -0.0138
 * change.relativeChange();   // -0.0140
 * }</pre>
 *
 * @param metric the metric's name, such as {@code "accuracy"} or {@code "F1 of class 4"}
 * @param direction which way the metric improves
 * @param baseline the baseline's value
 * @param current the current value
 */
public record MetricChange(String metric, Direction direction, double baseline, double current) {

    /** Returns {@code current - baseline}. */
    public double absoluteChange() {
        return current - baseline;
    }

    /**
     * Returns {@code (current - baseline) / baseline}; for a baseline of 0 that is 0 when the value is unchanged
     * and an infinity of the change's sign otherwise.
     */
    public double relativeChange() {
        if (baseline == 0) {
            return current == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, current);
        }
        return (current - baseline) / baseline;
    }
}

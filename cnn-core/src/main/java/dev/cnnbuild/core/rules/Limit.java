package dev.cnnbuild.core.rules;

/**
 * The kinds of limit a {@link Rule} sets, each checked as one {@link RuleOutcome}.
 *
 * <pre>{@code
 * Limit.RELATIVE_TOLERANCE.format(0.01); // "1.00%"
 * Limit.MINIMUM.format(0.98);            // "0.9800"
 * }</pre>
 */
public enum Limit {
    /** The smallest value allowed. */
    MINIMUM("minimum"),
    /** The largest value allowed. */
    MAXIMUM("maximum"),
    /** The most the metric may get worse than the baseline, in its own unit. */
    ABSOLUTE_TOLERANCE("absoluteTolerance"),
    /** The most the metric may get worse than the baseline, as a share of the baseline value. */
    RELATIVE_TOLERANCE("relativeTolerance");

    private final String pomName;

    Limit(String pomName) {
        this.pomName = pomName;
    }

    /** Returns the name used in the POM, such as {@code absoluteTolerance}. */
    public String pomName() {
        return pomName;
    }

    /** Returns whether the limit compares with a baseline. */
    public boolean comparesWithBaseline() {
        return this == ABSOLUTE_TOLERANCE || this == RELATIVE_TOLERANCE;
    }

    /** Formats a limit of this kind: a percentage for the relative tolerance, 4 decimals otherwise. */
    public String format(double limit) {
        return this == RELATIVE_TOLERANCE ? Figures.percent(limit) : Figures.value(limit);
    }
}

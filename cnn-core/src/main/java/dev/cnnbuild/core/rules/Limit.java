package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.metrics.FigureText;

/**
 * The kinds of limit a {@link Rule} sets, each checked as one {@link RuleOutcome}.
 *
 * <pre>{@code
 * Limit.RELATIVE_TOLERANCE.format(0.01); // "1%"
 * Limit.MINIMUM.format(0.98);            // "0.98"
 * Limit.MAXIMUM.format(0.00001);         // "0.00001"
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

    /**
     * Formats a limit of this kind at the precision it was written, as JaCoCo prints its limits: a percentage for
     * the relative tolerance, a decimal otherwise.
     */
    public String format(double limit) {
        return this == RELATIVE_TOLERANCE ? FigureText.limitPercent(limit) : FigureText.limit(limit);
    }
}

package dev.cnnbuild.core.compare;

import java.util.Locale;

/**
 * How much worse than its baseline a metric may get: an amount of the metric itself ({@link #absolute}) or a share
 * of the baseline value ({@link #relative}). The change is measured as TFMA's {@code GenericChangeThreshold} and
 * MLflow's {@code MetricThreshold} measure it: absolute change {@code current - baseline}, relative change
 * {@code (current - baseline) / baseline}; a metric fails when it moves in its worse {@link Direction} by more than
 * the amount.
 *
 * <pre>{@code
 * Tolerance.absolute(0.005);   // accuracy may drop from 0.9850 to 0.9800, not below
 * Tolerance.relative(0.02);    // loss may rise from 0.0400 to 0.0408, not above
 * }</pre>
 *
 * @param kind absolute or relative
 * @param amount how much worse, not negative
 */
public record Tolerance(Kind kind, double amount) {

    /** What the amount is measured against. */
    public enum Kind {
        /** An amount of the metric: {@code current - baseline}. */
        ABSOLUTE,
        /** A share of the baseline value: {@code (current - baseline) / baseline}. */
        RELATIVE
    }

    /**
     * Checks the amount.
     *
     * @param kind absolute or relative
     * @param amount how much worse, not negative
     * @throws IllegalArgumentException if the amount is negative or not a number
     */
    public Tolerance {
        if (kind == null || !(amount >= 0)) {
            throw new IllegalArgumentException("a tolerance needs a kind and an amount of at least 0, got " + kind
                    + " " + amount);
        }
    }

    /** Returns a tolerance of {@code amount} in the metric's own unit. */
    public static Tolerance absolute(double amount) {
        return new Tolerance(Kind.ABSOLUTE, amount);
    }

    /** Returns a tolerance of {@code amount} times the baseline value (0.02 is two percent). */
    public static Tolerance relative(double amount) {
        return new Tolerance(Kind.RELATIVE, amount);
    }

    /** Returns whether the change stays within this tolerance; a value that is not a number never does. */
    public boolean allows(MetricChange change) {
        double worsening = kind == Kind.ABSOLUTE ? change.direction().worsening(change.baseline(), change.current())
                : change.direction().worsening(0, change.relativeChange());
        return worsening <= amount;
    }

    /** Returns the tolerance in words: {@code "0.0050 (absolute)"}. */
    public String describe() {
        return String.format(Locale.ROOT, "%.4f (%s)", amount, kind == Kind.ABSOLUTE ? "absolute" : "relative");
    }
}

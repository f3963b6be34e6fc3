package dev.cnnbuild.core.rules;

import java.util.OptionalDouble;

/**
 * The result of checking one limit of one rule on one figure: a rule on every class gives one outcome per class,
 * and a rule with a minimum and a tolerance gives two.
 *
 * <pre>{@code
 * for (RuleOutcome outcome : result.violations()) {
 *     log.error(outcome.message()); // mnist-cnn: test accuracy is 0.9712, but expected minimum is 0.9800
 * }
 * }</pre>
 *
 * @param name a short name, unique within a gate, such as {@code test accuracy minimum 0.9800}
 * @param subject what was measured, such as {@code accuracy of class 8}
 * @param rule the rule checked
 * @param limit which of its limits
 * @param limitValue the limit's value; a fraction for the relative tolerance
 * @param status whether it passed
 * @param value the measured value; empty if the figure is missing
 * @param baselineValue the baseline's value, for a tolerance compared with a baseline that has the figure
 * @param message a full sentence starting with the model's name
 */
public record RuleOutcome(
        String name,
        String subject,
        Rule rule,
        Limit limit,
        double limitValue,
        Status status,
        OptionalDouble value,
        OptionalDouble baselineValue,
        String message) {

    /** Whether a limit held. */
    public enum Status {
        /** The limit held. */
        PASSED,
        /** The limit did not hold, or the figure it needs is missing. */
        VIOLATED,
        /** A tolerance was not checked because there is no baseline. */
        SKIPPED
    }

    /**
     * Returns this outcome with its rule named at the end of its name and message, as in {@code accuracy of class
     * zero minimum 0.85 (rule for every class)}, for a figure that two rules limit.
     *
     * @param rule the rule in words, such as {@code rule for every class}
     * @return the outcome
     */
    public RuleOutcome withRuleNamed(String rule) {
        String suffix = " (" + rule + ")";
        return new RuleOutcome(
                name + suffix, subject, this.rule, limit, limitValue, status, value, baselineValue, message + suffix);
    }

    /** Returns whether the limit did not hold. */
    public boolean violated() {
        return status == Status.VIOLATED;
    }
}

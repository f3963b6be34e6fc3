package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.text.Counted;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link QualityGate} found for one model: one {@link RuleOutcome} per limit checked, in rule order.
 *
 * <pre>{@code
 * GateResult result = gate.check("mnist-cnn", MetricSource.of(evaluation), baseline);
 * result.baselineNote().ifPresent(log::info);       // no baseline at ...; change rules skipped
 * if (!result.passed()) {
 *     throw new MojoFailureException(result.summary());
 * }
 * }</pre>
 *
 * @param modelName the model's name
 * @param outcomes one per limit checked
 * @param baseline the baseline the tolerances were compared with, perhaps absent
 */
public record GateResult(String modelName, List<RuleOutcome> outcomes, Baseline baseline) {

    /** Copies the outcomes. */
    public GateResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Returns whether no limit was violated; true when there are no rules. */
    public boolean passed() {
        return violations().isEmpty();
    }

    /** Returns whether any rule was configured. */
    public boolean hasRules() {
        return !outcomes.isEmpty();
    }

    /** Returns the outcomes that violated their limit. */
    public List<RuleOutcome> violations() {
        return withStatus(RuleOutcome.Status.VIOLATED);
    }

    /** Returns the tolerances not checked for lack of a baseline. */
    public List<RuleOutcome> skipped() {
        return withStatus(RuleOutcome.Status.SKIPPED);
    }

    /** Returns the outcomes that held. */
    public List<RuleOutcome> passes() {
        return withStatus(RuleOutcome.Status.PASSED);
    }

    /**
     * Returns, when tolerances were skipped, the line to log about it, such as
     * {@code no baseline at src/test/cnn/mnist-cnn.metrics.json; change rules skipped}.
     */
    public Optional<String> baselineNote() {
        return skipped().isEmpty() ? Optional.empty() : Optional.of(baseline.describe() + "; change rules skipped");
    }

    /**
     * Returns a count line and each violation on its own line:
     * <pre>
     * mnist-cnn: 12 checks, 10 passed, 1 violated, 1 skipped
     * mnist-cnn: test accuracy is 0.9712, but expected minimum is 0.9800
     * </pre>
     */
    public String summary() {
        StringBuilder summary = new StringBuilder(String.format(
                Locale.ROOT,
                "%s: %s, %d passed, %d violated, %d skipped",
                modelName,
                Counted.of(outcomes.size(), "check"),
                passes().size(),
                violations().size(),
                skipped().size()));
        for (RuleOutcome violation : violations()) {
            summary.append('\n').append(violation.message());
        }
        return summary.toString();
    }

    private List<RuleOutcome> withStatus(RuleOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }
}

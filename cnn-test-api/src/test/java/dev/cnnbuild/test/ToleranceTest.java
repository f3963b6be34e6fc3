package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.rules.Baseline;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.MetricSource;
import dev.cnnbuild.core.rules.RuleOutcome;
import org.junit.jupiter.api.Test;

/** A tolerance is cnn:check's tolerance rule on every metric; these figures are known by hand. */
class ToleranceTest {
    private static final MetricSource BASELINE = figures(new long[][] {{9, 1}, {1, 9}}, 2.0);
    private static final MetricSource WORSE = figures(new long[][] {{8, 2}, {1, 9}}, 4.0);

    @Test
    void changesAreAbsoluteAndRelativeAsTfmaAndMlflowDefineThem() {
        // every figure but the loss falls from 0.5 to 0.375: by 0.125, a quarter of the baseline
        MetricSource half = figures(new long[][] {{4, 4}, {4, 4}}, 16);
        MetricSource worse = figures(new long[][] {{3, 5}, {5, 3}}, 16);

        assertThat(check(worse, half, Tolerance.absolute(0.125)).passed()).isTrue();
        assertThat(check(worse, half, Tolerance.absolute(0.124)).violations()).hasSize(10);
        assertThat(check(worse, half, Tolerance.relative(0.25)).passed()).isTrue();
        assertThat(check(worse, half, Tolerance.relative(0.249)).violations()).hasSize(10);
    }

    @Test
    void lossMayNotRise() {
        MetricSource loss10 = figures(new long[][] {{9, 1}, {1, 9}}, 2.0);
        MetricSource loss12 = figures(new long[][] {{9, 1}, {1, 9}}, 2.4);
        MetricSource loss05 = figures(new long[][] {{9, 1}, {1, 9}}, 1.0);

        assertThat(check(loss12, loss10, Tolerance.absolute(0.01)).violations())
                .extracting(RuleOutcome::subject)
                .containsExactly("test loss");
        assertThat(check(loss12, loss10, Tolerance.relative(0.25)).passed()).isTrue();
        assertThat(check(loss05, loss10, Tolerance.absolute(0)).passed()).isTrue();
    }

    @Test
    void zeroBaselineAndNotANumber() {
        MetricSource lossless = figures(new long[][] {{9, 1}, {1, 9}}, 0);
        MetricSource lossy = figures(new long[][] {{9, 1}, {1, 9}}, 2.0);
        MetricSource diverged = figures(new long[][] {{9, 1}, {1, 9}}, Double.NaN);

        assertThat(check(lossless, lossless, Tolerance.relative(0)).passed()).isTrue();
        assertThat(check(lossy, lossless, Tolerance.relative(1)).violations())
                .extracting(RuleOutcome::subject)
                .containsExactly("test loss");
        assertThat(check(diverged, lossy, Tolerance.absolute(1)).violations())
                .extracting(RuleOutcome::subject)
                .containsExactly("test loss");
    }

    @Test
    void comparesEveryMetricAndFindsTheRegressions() {
        GateResult result = check(WORSE, BASELINE, Tolerance.absolute(0.06));

        assertThat(result.outcomes()).hasSize(5 + 2 * 3);
        assertThat(result.outcomes())
                .extracting(RuleOutcome::subject)
                .startsWith(
                        "test accuracy",
                        "test loss",
                        "test macro precision",
                        "test macro recall",
                        "test macro F1",
                        "accuracy of class 0",
                        "accuracy of class 1",
                        "precision of class 0");
        assertThat(result.violations())
                .extracting(RuleOutcome::subject)
                .containsExactly("test loss", "accuracy of class 0", "precision of class 1");
        assertThat(check(BASELINE, BASELINE, Tolerance.absolute(0)).passed()).isTrue();
    }

    @Test
    void amountsAreCheckedAsTheRulesCheckThem() {
        assertThat(Tolerance.absolute(0.005).describe()).isEqualTo("0.005 (absolute)");
        assertThat(Tolerance.relative(0.02).describe()).isEqualTo("0.02 (relative)");
        assertThatThrownBy(() -> Tolerance.absolute(-0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'accuracy': absoluteTolerance -0.0100 is negative; it is the most the metric may"
                        + " get worse, 0 or more");
        assertThatThrownBy(() -> Tolerance.relative(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'accuracy': relativeTolerance NaN is not a finite number");
    }

    private static GateResult check(MetricSource candidate, MetricSource baseline, Tolerance tolerance) {
        return tolerance.gate().check("m", candidate, Baseline.named("b", baseline));
    }

    private static MetricSource figures(long[][] confusion, double lossSum) {
        return MetricSource.of(new Evaluation(confusion, lossSum));
    }
}

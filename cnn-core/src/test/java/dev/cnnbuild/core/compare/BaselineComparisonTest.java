package dev.cnnbuild.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.model.TestMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {
    private final TestMetrics baseline = TestMetrics.of(new Evaluation(new long[][] {{9, 1}, {1, 9}}, 2.0));
    private final TestMetrics worse = TestMetrics.of(new Evaluation(new long[][] {{8, 2}, {1, 9}}, 4.0));

    @Test
    void changesAreAbsoluteAndRelativeAsTfmaAndMlflowDefineThem() {
        MetricChange accuracy = new MetricChange("accuracy", Direction.HIGHER_IS_BETTER, 0.5, 0.375);

        assertThat(accuracy.absoluteChange()).isCloseTo(-0.125, within(1e-12));
        assertThat(accuracy.relativeChange()).isCloseTo(-0.25, within(1e-12));
        assertThat(Tolerance.absolute(0.125).allows(accuracy)).isTrue();
        assertThat(Tolerance.absolute(0.124).allows(accuracy)).isFalse();
        assertThat(Tolerance.relative(0.25).allows(accuracy)).isTrue();
        assertThat(Tolerance.relative(0.249).allows(accuracy)).isFalse();
    }

    @Test
    void lossMayNotRise() {
        MetricChange loss = new MetricChange("loss", Direction.LOWER_IS_BETTER, 0.10, 0.12);

        assertThat(Tolerance.absolute(0.01).allows(loss)).isFalse();
        assertThat(Tolerance.relative(0.25).allows(loss)).isTrue();
        assertThat(Tolerance.absolute(0).allows(new MetricChange("loss", Direction.LOWER_IS_BETTER, 0.1, 0.05)))
                .isTrue();
    }

    @Test
    void zeroBaselineAndNotANumber() {
        assertThat(new MetricChange("f1", Direction.HIGHER_IS_BETTER, 0, 0).relativeChange()).isZero();
        assertThat(new MetricChange("f1", Direction.HIGHER_IS_BETTER, 0, 0.5).relativeChange()).isInfinite();
        assertThat(Tolerance.relative(1).allows(new MetricChange("loss", Direction.LOWER_IS_BETTER, 0, 0.1)))
                .isFalse();
        assertThat(Tolerance.absolute(1).allows(new MetricChange("loss", Direction.LOWER_IS_BETTER, 0.1,
                Double.NaN))).isFalse();
    }

    @Test
    void comparesEveryMetricAndFindsTheRegressions() {
        List<MetricChange> changes = BaselineComparison.compare(baseline, worse);
        assertThat(changes).hasSize(5 + 2 * 3);
        assertThat(changes).extracting(MetricChange::metric).startsWith("accuracy", "loss", "macro precision",
                "macro recall", "macro F1", "precision of class 0", "recall of class 0", "F1 of class 0");

        List<MetricChange> regressions = BaselineComparison.regressions(baseline, worse, Tolerance.absolute(0.06));

        assertThat(regressions).extracting(MetricChange::metric)
                .containsExactly("loss", "recall of class 0", "precision of class 1");
        assertThat(BaselineComparison.regressions(baseline, baseline, Tolerance.absolute(0))).isEmpty();
    }

    @Test
    void differentClassCountsDoNotCompare() {
        TestMetrics three = TestMetrics.of(new Evaluation(new long[3][3], 0));

        assertThatThrownBy(() -> BaselineComparison.compare(baseline, three))
                .hasMessage("the baseline has 2 classes but the model has 3; compare models of one task");
    }
}

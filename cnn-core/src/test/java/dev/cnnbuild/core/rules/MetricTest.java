package dev.cnnbuild.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void namesAreReadIgnoringCaseUnderscoresAndHyphens() throws Exception {
        assertThat(Metric.parse("accuracy")).isEqualTo(Metric.ACCURACY);
        assertThat(Metric.parse("Loss")).isEqualTo(Metric.LOSS);
        assertThat(Metric.parse("macroF1")).isEqualTo(Metric.MACRO_F1);
        assertThat(Metric.parse("MACRO_F1")).isEqualTo(Metric.MACRO_F1);
        assertThat(Metric.parse("class-accuracy")).isEqualTo(Metric.CLASS_ACCURACY);
        assertThat(Metric.parse(" classRecall ")).isEqualTo(Metric.CLASS_ACCURACY);
    }

    @Test
    void unknownNameSuggestsTheClosestAndListsAll() {
        assertThatThrownBy(() -> Metric.parse("acuracy"))
                .isInstanceOf(RuleException.class)
                .hasMessage("unknown metric 'acuracy'; did you mean 'accuracy'? Valid metrics: accuracy, loss,"
                        + " macroPrecision, macroRecall, macroF1, classAccuracy, classPrecision, classRecall,"
                        + " classF1");
        assertThatThrownBy(() -> Metric.parse("macroF2"))
                .hasMessageStartingWith("unknown metric 'macroF2'; did you mean 'macroF1'?");
    }

    @Test
    void unknownNameWithoutCloseMatchListsAll() {
        assertThatThrownBy(() -> Metric.parse("throughput"))
                .hasMessage("unknown metric 'throughput'; valid metrics: accuracy, loss, macroPrecision,"
                        + " macroRecall, macroF1, classAccuracy, classPrecision, classRecall, classF1");
        assertThatThrownBy(() -> Metric.parse(null))
                .hasMessageStartingWith("a rule needs a metric; valid metrics:" + " accuracy, loss,");
        assertThatThrownBy(() -> Metric.parse(" ")).hasMessageStartingWith("a rule needs a metric;");
    }

    @Test
    void onlyLossIsBetterLowAndUnbounded() {
        for (Metric metric : Metric.values()) {
            boolean loss = metric == Metric.LOSS;
            assertThat(metric.direction()).isEqualTo(loss ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER);
            assertThat(metric.isFraction()).isEqualTo(!loss);
        }
    }

    @Test
    void measuresDescribeThemselvesForMessages() {
        assertThat(Measure.of(Metric.ACCURACY).describe()).isEqualTo("test accuracy");
        assertThat(Measure.of(Metric.MACRO_F1).describe()).isEqualTo("test macro F1");
        assertThat(Measure.ofClass(Metric.CLASS_ACCURACY, 8).describe()).isEqualTo("accuracy of class 8");
        assertThat(Measure.ofClass(Metric.CLASS_F1, 0).describe()).isEqualTo("F1 of class 0");
        assertThatThrownBy(() -> Measure.ofClass(Metric.ACCURACY, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Measure.of(Metric.CLASS_ACCURACY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void worseningIsPositiveWhenTheMetricGotWorse() {
        assertThat(Direction.HIGHER_IS_BETTER.worsening(0.97, 0.98)).isPositive();
        assertThat(Direction.HIGHER_IS_BETTER.worsening(0.99, 0.98)).isNegative();
        assertThat(Direction.LOWER_IS_BETTER.worsening(0.09, 0.08)).isPositive();
        assertThat(Direction.LOWER_IS_BETTER.worsening(0.07, 0.08)).isNegative();
    }
}

package dev.cnnbuild.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void limitsAreFractionsOrPercentages() throws Exception {
        Rule rule = Rule.builder("accuracy")
                .minimum("98%")
                .maximum(" 0.999 ")
                .absoluteTolerance("0.5 %")
                .relativeTolerance(".01")
                .build();

        assertThat(rule.minimum()).hasValue(0.98);
        assertThat(rule.maximum()).hasValue(0.999);
        assertThat(rule.absoluteTolerance()).hasValue(0.005);
        assertThat(rule.relativeTolerance()).hasValue(0.01);
        assertThat(rule.comparesWithBaseline()).isTrue();
    }

    @Test
    void absentSettingsAreNullOrBlank() throws Exception {
        Rule rule = Rule.builder("loss")
                .label(null)
                .minimum((String) null)
                .maximum("0.05")
                .absoluteTolerance("")
                .relativeTolerance("  ")
                .build();

        assertThat(rule)
                .isEqualTo(new Rule(
                        Metric.LOSS,
                        OptionalInt.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.of(0.05),
                        OptionalDouble.empty(),
                        OptionalDouble.empty()));
        assertThat(rule.comparesWithBaseline()).isFalse();
    }

    @Test
    void badNumberSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Rule.builder("accuracy").minimum("0,98").build())
                .isInstanceOf(RuleException.class)
                .hasMessage("rule 'accuracy': minimum '0,98' has a decimal comma; write a decimal point, such as 0.98");
        assertThatThrownBy(() -> Rule.builder("accuracy").minimum("0.9x").build())
                .isInstanceOf(RuleException.class)
                .hasMessage("rule 'accuracy': minimum '0.9x' is not a number; write a fraction such as 0.98 or a"
                        + " percentage such as 98%");
        assertThatThrownBy(() -> Rule.builder("loss").maximum("NaN").build())
                .hasMessageStartingWith("rule 'loss': maximum 'NaN' is not a number");
        assertThatThrownBy(() -> Rule.builder("loss").maximum("5%%").build())
                .hasMessageStartingWith("rule 'loss': maximum '5%%' is not a number");
    }

    @Test
    void unknownMetricIsReported() {
        assertThatThrownBy(() -> Rule.builder("acurracy").minimum("0.9").build())
                .hasMessageStartingWith("unknown metric 'acurracy'; did you mean 'accuracy'?");
    }

    @Test
    void labelNamesOneClassAndStarOrNothingMeansEveryClass() throws Exception {
        assertThat(Rule.builder("classAccuracy")
                        .label("8")
                        .minimum("0.95")
                        .build()
                        .label())
                .hasValue(8);
        assertThat(Rule.builder("classAccuracy")
                        .label(3)
                        .minimum("0.95")
                        .build()
                        .label())
                .hasValue(3);
        assertThat(Rule.builder("classAccuracy")
                        .label("*")
                        .minimum("0.95")
                        .build()
                        .label())
                .isEmpty();
        assertThat(Rule.builder("classAccuracy").minimum("0.95").build().label())
                .isEmpty();
    }

    @Test
    void badLabelIsReported() throws Exception {
        Rule named =
                Rule.builder("classAccuracy").label("eight").minimum("0.95").build();
        assertThat(named.className()).contains("eight");
        assertThat(named.label()).isEmpty();
        assertThatThrownBy(() ->
                        Rule.builder("accuracy").label("cat").minimum("0.95").build())
                .hasMessageStartingWith(
                        "rule 'accuracy': label cat given, but test accuracy is measured on the whole" + " model;");
        assertThatThrownBy(() ->
                        Rule.builder("classAccuracy").label(-1).minimum("0.95").build())
                .hasMessageStartingWith("rule 'classAccuracy': label '-1' is not a class index");
    }

    @Test
    void labelOnAMetricOfTheWholeModelIsReported() {
        assertThatThrownBy(() ->
                        Rule.builder("accuracy").label("3").minimum("0.95").build())
                .hasMessage("rule 'accuracy': label 3 given, but test accuracy is measured on the whole model;"
                        + " remove the label, or use a per-class metric (classAccuracy, classPrecision,"
                        + " classRecall, classF1)");
    }

    @Test
    void ruleWithoutLimitIsReported() {
        assertThatThrownBy(() -> Rule.builder("classF1").label("2").build())
                .hasMessage("rule 'classF1' (class 2) sets no limit; set minimum, maximum, absoluteTolerance or"
                        + " relativeTolerance");
    }

    @Test
    void inconsistentLimitsAreReportedTogether() {
        assertThatThrownBy(() -> Rule.builder("accuracy")
                        .minimum("98")
                        .maximum("0.5")
                        .absoluteTolerance("-0.01")
                        .build())
                .hasMessage("rule 'accuracy': minimum 98.0000 is outside 0 to 1, the range of test accuracy; write"
                        + " a fraction such as 0.98 or a percentage such as 98%; minimum 98.0000 is above maximum"
                        + " 0.5000; absoluteTolerance -0.0100 is negative; it is the most the metric may get worse,"
                        + " 0 or more");
    }

    @Test
    void lossLimitsAreNotFractions() throws Exception {
        assertThat(Rule.builder("loss").maximum("2.5").build().maximum()).hasValue(2.5);
    }

    @Test
    void recordChecksItselfToo() {
        assertThatThrownBy(() -> new Rule(
                        Metric.ACCURACY,
                        OptionalInt.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rule 'accuracy' sets no limit");
        assertThatThrownBy(() -> Rule.builder(Metric.LOSS).maximum(Double.NaN).build())
                .hasMessageStartingWith("rule 'loss': maximum 'NaN' is not a number");
    }

    @Test
    void measuresExpandEveryClass() throws Exception {
        assertThat(Rule.builder("classAccuracy").minimum("0.9").build().measures(3))
                .containsExactly(
                        Measure.ofClass(Metric.CLASS_ACCURACY, 0),
                        Measure.ofClass(Metric.CLASS_ACCURACY, 1),
                        Measure.ofClass(Metric.CLASS_ACCURACY, 2));
        assertThat(Rule.builder("classAccuracy")
                        .label("7")
                        .minimum("0.9")
                        .build()
                        .measures(3))
                .containsExactly(Measure.ofClass(Metric.CLASS_ACCURACY, 7));
        assertThat(Rule.builder("accuracy").minimum("0.9").build().measures(3))
                .containsExactly(Measure.of(Metric.ACCURACY));
    }
}

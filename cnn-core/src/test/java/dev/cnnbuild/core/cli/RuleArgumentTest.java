package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.rules.Metric;
import dev.cnnbuild.core.rules.Rule;
import org.junit.jupiter.api.Test;

/** A rule crosses into the fork and back unchanged. */
class RuleArgumentTest {

    @Test
    void encodesAndDecodesBack() throws Exception {
        RuleArgument written = new RuleArgument("classAccuracy", "8", " 95% ", null, " ", "0.01");

        String argument = written.encode();

        assertThat(argument).isEqualTo("metric=classAccuracy,label=8,minimum=95%,relativeTolerance=0.01");
        assertThat(RuleArgument.decode(argument)).isEqualTo(written);
        Rule rule = RuleArgument.decode(argument).toRule();
        assertThat(rule.metric()).isEqualTo(Metric.CLASS_ACCURACY);
        assertThat(rule.label()).hasValue(8);
        assertThat(rule.minimum()).hasValue(0.95);
    }

    @Test
    void everyFieldRoundTrips() throws Exception {
        RuleArgument all = new RuleArgument("loss", "1", "0.01", "0.5", "0.02", "10%");

        assertThat(RuleArgument.decode(all.encode())).isEqualTo(all);
    }

    @Test
    void noValueCanInjectAField() throws Exception {
        RuleArgument injected = new RuleArgument("accuracy", null, "abc,minimum=0", "1\\", null, null);

        String argument = injected.encode();

        assertThat(argument).isEqualTo("metric=accuracy,minimum=abc\\,minimum\\=0,maximum=1\\\\");
        assertThat(RuleArgument.decode(argument)).isEqualTo(injected);
        assertThatThrownBy(() -> RuleArgument.decode(argument).toRule())
                .hasMessage("rule 'accuracy': minimum 'abc,minimum=0' is not a number; write a fraction such as 0.98"
                        + " or a percentage such as 98%");
    }

    @Test
    void aLabelCannotInjectAField() throws Exception {
        RuleArgument injected = new RuleArgument("classAccuracy", "8,minimum=0", "0.9", null, null, null);

        var rule = RuleArgument.decode(injected.encode()).toRule();

        assertThat(rule.className()).contains("8,minimum=0");
        assertThat(rule.minimum()).hasValue(0.9);
    }

    @Test
    void decimalCommaInAPomValueIsNamed() throws Exception {
        String argument = new RuleArgument("accuracy", null, "0,5", null, null, null).encode();

        assertThatThrownBy(() -> RuleArgument.decode(argument).toRule())
                .hasMessage("rule 'accuracy': minimum '0,5' has a decimal comma; write a decimal point, such as 0.5");
    }

    @Test
    void unknownFieldIsReported() {
        assertThatThrownBy(() -> RuleArgument.decode("metric=accuracy,minimun=0.9"))
                .hasMessage("rule 'metric=accuracy,minimun=0.9': unknown field 'minimun'; valid fields: metric, label,"
                        + " minimum, maximum, absoluteTolerance, relativeTolerance");
    }
}

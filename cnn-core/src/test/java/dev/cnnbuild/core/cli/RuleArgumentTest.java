package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.rules.Metric;
import dev.cnnbuild.core.rules.Rule;
import org.junit.jupiter.api.Test;

class RuleArgumentTest {

    @Test
    void formatsAndParsesBack() throws Exception {
        String argument = RuleArgument.format("classAccuracy", "8", "95%", null, " ", "0.01");

        assertThat(argument).isEqualTo("metric=classAccuracy,label=8,minimum=95%,relativeTolerance=0.01");
        Rule rule = RuleArgument.parse(argument);
        assertThat(rule.metric()).isEqualTo(Metric.CLASS_ACCURACY);
        assertThat(rule.label()).hasValue(8);
        assertThat(rule.minimum()).hasValue(0.95);
    }

    @Test
    void unknownFieldIsReported() {
        assertThatThrownBy(() -> RuleArgument.parse("metric=accuracy,minimun=0.9"))
                .hasMessage("rule 'metric=accuracy,minimun=0.9': unknown field 'minimun'; valid fields: metric, label,"
                        + " minimum, maximum, absoluteTolerance, relativeTolerance");
    }
}

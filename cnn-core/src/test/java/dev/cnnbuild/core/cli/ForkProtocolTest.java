package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What one side of the fork writes, the other reads back. */
class ForkProtocolTest {

    @Test
    void errorAndViolationLinesRoundTrip() {
        assertThat(ForkProtocol.errorMessage(ForkProtocol.error("model.yaml:3:5: bad")))
                .hasValue("model.yaml:3:5: bad");
        assertThat(ForkProtocol.violationMessage(ForkProtocol.violation("tiny: test loss is 0.3")))
                .hasValue("tiny: test loss is 0.3");
        assertThat(ForkProtocol.errorMessage(ForkProtocol.violation("x"))).isEmpty();
        assertThat(ForkProtocol.violationMessage("WARNING: something")).isEmpty();
    }

    @Test
    void mainClassesAreTheCommands() throws Exception {
        assertThat(Class.forName(ForkProtocol.TRAIN_MAIN_CLASS).getMethod("main", String[].class))
                .isNotNull();
        assertThat(Class.forName(ForkProtocol.CHECK_MAIN_CLASS)).isEqualTo(CheckCommand.class);
    }

    @Test
    void statusesAreDistinct() {
        assertThat(new int[] {
                    ForkProtocol.SUCCESS, ForkProtocol.FAILED, ForkProtocol.INVALID_INPUT, ForkProtocol.VIOLATED
                })
                .doesNotHaveDuplicates();
    }
}

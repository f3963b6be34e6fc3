package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's command line reports bad input on an error line with the fork protocol's status. */
class CheckCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void badRuleIsBadInput() {
        int status = run("--output", dir.toString(), "--rule", "metric=acuracy,minimum=0.9");

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(ForkProtocol.errorMessage(err.toString().lines().findFirst().orElseThrow()))
                .hasValueSatisfying(
                        m -> assertThat(m).startsWith("unknown metric 'acuracy'; did you mean 'accuracy'?"));
    }

    @Test
    void noTrainedModelIsBadInput() {
        int status = run("--output", dir.resolve("empty").toString());

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .isEqualTo(
                        ForkProtocol.error("no trained model under " + dir.resolve("empty") + "; run cnn:train first")
                                + System.lineSeparator());
    }

    @Test
    void missingOutputIsBadInput() {
        assertThat(run("--rule", "metric=accuracy,minimum=0.9")).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString()).startsWith("ERROR: usage: CheckCommand --output DIR");
    }

    private int run(String... args) {
        return CheckCommand.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }
}

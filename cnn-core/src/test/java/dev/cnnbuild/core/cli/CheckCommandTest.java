package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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
        int status = run(CheckForkRequest.of(dir, List.of(new RuleArgument("acuracy", null, "0.9", null, null, null))));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(ForkProtocol.errorMessage(err.toString().lines().findFirst().orElseThrow()))
                .hasValueSatisfying(
                        m -> assertThat(m).startsWith("unknown metric 'acuracy'; did you mean 'accuracy'?"));
    }

    @Test
    void noTrainedModelIsBadInput() {
        int status = run(CheckForkRequest.of(dir.resolve("empty"), List.of()));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .isEqualTo(
                        ForkProtocol.error("no trained model under " + dir.resolve("empty") + "; run cnn:train first")
                                + System.lineSeparator());
    }

    @Test
    void aMissingRequestFileIsBadInput() {
        Path missing = dir.resolve("check-1.properties");

        int status = CheckCommand.run(
                new String[] {"--request", missing.toString()}, new PrintStream(out, true), new PrintStream(err, true));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .isEqualTo(ForkProtocol.error("the fork's request file " + missing + " does not exist; the plugin"
                                + " writes it for each fork and deletes it afterwards, so run the Maven goal again")
                        + System.lineSeparator());
    }

    @Test
    void argumentsOtherThanARequestFileAreBadInput() {
        int status = CheckCommand.run(
                new String[] {"--output", dir.toString()}, new PrintStream(out, true), new PrintStream(err, true));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString()).startsWith("ERROR: usage: CheckCommand --request FILE");
    }

    @Test
    void aTestSetOfOneImageIsMeasuredOnOneTestImage() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        TinyDataset.train(yaml, dir.resolve("out"));
        TinyDataset.writeGzip(
                dir.resolve("test-images.idx3.gz"),
                TinyDataset.imageFile(
                        1, TinyDataset.SIZE, TinyDataset.SIZE, new byte[TinyDataset.SIZE * TinyDataset.SIZE]));
        TinyDataset.writeGzip(dir.resolve("test-labels.idx1.gz"), TinyDataset.labelFile(new byte[] {0}));

        int status = run(CheckForkRequest.of(
                dir.resolve("out"), List.of(new RuleArgument("accuracy", null, "0", null, null, null))));

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("tiny: measured on 1 test image: test accuracy \\d\\.\\d{4}");
    }

    private int run(CheckForkRequest request) {
        return CheckCommand.run(request, new PrintStream(out, true), new PrintStream(err, true));
    }
}

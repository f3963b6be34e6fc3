package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    static Path dir;

    private static Path output;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void trainTinyModel() throws Exception {
        output = dir.resolve("cnn");
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        assertThat(TrainCommand.run(new String[] {"--output", output.toString(), yaml.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
    }

    @Test
    void passingRulesExitZeroAndWriteJUnitXmlAndReport() throws Exception {
        Path reports = dir.resolve("reports-pass");

        int status = run("--output", output.toString(), "--reports", reports.toString(),
                "--rule", "metric=accuracy,minimum=90%", "--rule", "metric=loss,maximum=1.0");

        assertThat(status).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("tiny: evaluating on cpu() (trained on cpu())")
                .contains("tiny: measured on 128 test images: test accuracy 1.0000")
                .contains("tiny: test accuracy is 1.0000, expected minimum is 0.9000")
                .contains("tiny: 2 checks, 2 passed, 0 violated, 0 skipped")
                .contains("tiny: report written to " + output.resolve("tiny/report.html"));
        assertThat(reports.resolve("TEST-cnn.check.tiny.xml")).content().contains("tests=\"2\"", "failures=\"0\"");
        assertThat(output.resolve("tiny/report.html")).content().contains("id=\"rules\"", "expected minimum is 0.9000");
    }

    @Test
    void aGpuThatIsNotHereIsBadInput() {
        int status = run("--output", output.toString(), "--device", "gpu");

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("ERROR: evaluation device 'gpu' was asked for, but the PyTorch engine"
                + " sees no usable CUDA GPU; use -Dcnn.device=auto or cpu\n");
    }

    @Test
    void violatedRuleExitsThreeWithTheMessage() {
        int status = run("--output", output.toString(), "--rule", "metric=loss,maximum=0.00001");

        assertThat(status).isEqualTo(CheckCommand.VIOLATED);
        assertThat(err.toString()).matches("VIOLATION: tiny: test loss is 0\\.\\d{4}, but expected maximum is 0\\.0000\n");
    }

    @Test
    void changeRulesAreSkippedWithoutBaselineAndCheckedWithIt() throws Exception {
        Path baselines = Files.createDirectories(dir.resolve("baselines"));

        assertThat(run("--output", output.toString(), "--baselines", baselines.toString(),
                "--rule", "metric=accuracy,absoluteTolerance=0.01")).isZero();
        assertThat(out.toString()).contains("tiny: no baseline at " + baselines.resolve("tiny.metrics.json")
                + "; change rules skipped");

        Files.writeString(baselines.resolve("tiny.metrics.json"), "{\"test\": {\"accuracy\": 1.5}}");
        assertThat(run("--output", output.toString(), "--baselines", baselines.toString(),
                "--rule", "metric=accuracy,absoluteTolerance=0.01")).isEqualTo(CheckCommand.VIOLATED);
        assertThat(err.toString()).contains("VIOLATION: tiny: test accuracy is 1.0000, 0.5000 (33.33%) worse than"
                + " the baseline 1.5000; at most 0.0100 is allowed");
    }

    @Test
    void badRuleIsBadInput() {
        int status = run("--output", output.toString(), "--rule", "metric=acuracy,minimum=0.9");

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).startsWith("ERROR: unknown metric 'acuracy'; did you mean 'accuracy'?");
    }

    @Test
    void noTrainedModelIsBadInput() {
        int status = run("--output", dir.resolve("empty").toString());

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("ERROR: no trained model under " + dir.resolve("empty")
                + "; run cnn:train first\n");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return CheckCommand.run(args, new PrintStream(out), new PrintStream(err));
    }
}

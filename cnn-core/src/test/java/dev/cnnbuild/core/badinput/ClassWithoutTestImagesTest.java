package dev.cnnbuild.core.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.cli.CheckCommand;
import dev.cnnbuild.core.cli.CheckForkRequest;
import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.RuleArgument;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test set without any image of a class that a per-class rule names: the check command, as {@code cnn:check}'s
 * fork runs it, reports the rule as violated and says why, rather than passing it or measuring a meaningless 0.
 */
class ClassWithoutTestImagesTest {
    @TempDir
    Path dir;

    @Test
    void ruleOnAClassTheTestSetLacksIsViolatedAndSaysWhy() throws Exception {
        BadFiles.write(dir);
        Path yaml = Files.writeString(
                dir.resolve("zeros.yaml"),
                TinyDataset.modelYaml("zeros", "")
                        .replace("labels: test-labels.idx1.gz", "labels: bad/all-zero-labels.idx1.gz"));
        Path output = dir.resolve("out");
        TinyDataset.train(yaml, output);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // trained and checked against the same project folder, the working directory, as cnn:train and cnn:check are
        int status = CheckCommand.run(
                CheckForkRequest.of(
                        output,
                        List.of(
                                new RuleArgument("classAccuracy", "1", "0.5", null, null, null),
                                new RuleArgument("classF1", null, null, "1", null, null))),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ForkProtocol.VIOLATED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        ForkProtocol.violation(
                                "zeros: accuracy of class 1 cannot be measured: the test set has no image of"
                                        + " class 1, but expected minimum is 0.5; add images of class 1 to the test set"),
                        ForkProtocol.violation(
                                "zeros: F1 of class 1 cannot be measured: the test set has no image of class 1,"
                                        + " but expected maximum is 1; add images of class 1 to the test set"),
                        ""));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("zeros: F1 of class 0 is ");
    }
}

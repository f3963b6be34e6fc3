package dev.cnnbuild.core.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.TrainCommand;
import dev.cnnbuild.core.cli.TrainForkRequest;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.training.TrainingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model file of the corpus is refused with its exact message, by the training service and by the training
 * command as {@code cnn:train}'s fork runs it, with no stack trace and nothing written. The timeout turns a hang
 * (reading {@code /dev/zero} or a named pipe) into a failed case instead of a build that never ends.
 */
@Timeout(120)
class BadModelFileTest {
    @TempDir
    Path dir;

    static Stream<BadModelFile> cases() throws Exception {
        return BadModelFile.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainingServiceRefusesIt(BadModelFile badCase) throws Exception {
        BadFiles.write(dir);
        Path yaml = badCase.copyInto(dir);
        Path output = dir.resolve("out");

        Throwable thrown = catchThrowable(() -> new TrainingService((model, reason) -> {})
                .train(TrainingRequest.of(yaml, output).withMemoryLimit(badCase.limit())));

        assertThat(thrown)
                .isInstanceOfAny(SpecException.class, DatasetException.class, TrainingException.class)
                .hasMessage(badCase.expectedFor(yaml));
        assertNothingWritten(output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainCommandRefusesIt(BadModelFile badCase) throws Exception {
        BadFiles.write(dir);
        Path yaml = badCase.copyInto(dir);
        Path output = dir.resolve("out");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                TrainForkRequest.of(output, List.of(yaml)).withMemoryLimit(badCase.limit()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).isEqualTo(ForkProtocol.error(badCase.expectedFor(yaml)) + System.lineSeparator());
        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8) + errors).doesNotContain("\tat ", "Exception");
        assertNothingWritten(output);
    }

    @Test
    void corpusCoversEveryClassOfBadModelFile() throws Exception {
        Map<String, Long> perClass =
                BadModelFile.all().collect(Collectors.groupingBy(BadModelFile::badInputClass, Collectors.counting()));

        assertThat(perClass).containsOnlyKeys("yaml", "typing", "paths", "idx", "empty", "size", "training");
        assertThat(perClass.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(60);
    }

    /** Nothing but the output folder's lock file, which a training command takes before it reads the data. */
    private static void assertNothingWritten(Path output) throws IOException {
        if (Files.exists(output)) {
            try (Stream<Path> files = Files.walk(output)) {
                assertThat(files.filter(Files::isRegularFile)
                                .filter(file -> !file.equals(output.resolve(FolderLock.FILE_NAME))))
                        .isEmpty();
            }
        }
    }
}

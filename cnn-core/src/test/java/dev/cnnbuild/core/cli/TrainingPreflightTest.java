package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.files.FolderLock;
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
 * What can be checked before training is checked before anything trains, and every problem is reported: the command
 * prints one error line each and trains nothing.
 */
class TrainingPreflightTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void twoModelFilesWithOneNameAreAnErrorNamingBoth() throws Exception {
        Path first = TinyDataset.writeModel(dir, "tiny", "");
        Path second = Files.writeString(dir.resolve("copy.yaml"), TinyDataset.modelYaml("tiny", ""));
        Path output = dir.resolve("out");

        int status = run(output, dir, first, second);

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(errorLines())
                .containsExactly("model name 'tiny' is used by two model files, tiny.yaml and"
                        + " copy.yaml: both would train into " + output.resolve("tiny")
                        + "; give each model file its own"
                        + " 'name'");
        assertThat(output).doesNotExist();
    }

    @Test
    void everyInvalidModelFileIsReportedBeforeAnyTrains() throws Exception {
        Path valid = TinyDataset.writeModel(dir, "tiny", "");
        Path noEpochs = Files.writeString(
                dir.resolve("a.yaml"), TinyDataset.modelYaml("a", "").replace("  epochs: 3\n", ""));
        Path badLayer = Files.writeString(
                dir.resolve("b.yaml"), TinyDataset.modelYaml("b", "").replace("filters: 4", "filter: 4"));
        Path output = dir.resolve("out");

        int status = run(output, Path.of(""), valid, noEpochs, badLayer);

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(errorLines()).hasSize(2);
        assertThat(errorLines().get(0)).startsWith(noEpochs.toString()).contains("epochs");
        assertThat(errorLines().get(1)).startsWith(badLayer.toString()).contains("unknown key 'filter'");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("training");
        assertThat(output).doesNotExist();
    }

    @Test
    void outputFolderThatCannotBeWrittenIsReportedBeforeTraining() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where the output folder's parent should be");
        Path output = blocked.resolve("cnn");

        int status = run(output, Path.of(""), yaml);

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(errorLines())
                .singleElement()
                .asString()
                .startsWith("the output folder " + output + " cannot be written (")
                .endsWith("); fix its permissions or choose another one with"
                        + " -Dcnn.outputDirectory (parameter outputDirectory)");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("training");
    }

    @Test
    void nameTooLongForTheFileSystemIsReportedBeforeTraining() throws Exception {
        String name = "m" + "x".repeat(249);
        TinyDataset.writeData(dir);
        Path yaml = Files.writeString(dir.resolve("long.yaml"), TinyDataset.modelYaml(name, ""));
        Path output = dir.resolve("out");

        int status = run(output, dir, yaml);

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(errorLines())
                .singleElement()
                .asString()
                .startsWith("model name 'mxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxx' (250 characters) is too long for the"
                        + " file system of " + output + ": training cannot create")
                .endsWith("; shorten 'name' in long.yaml");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("training");
    }

    @Test
    void outputFolderLockedByAnotherTrainingIsAnErrorNamingIt() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        try (FolderLock other = FolderLock.acquire(output, "training")) {
            int status = run(output, Path.of(""), yaml);

            assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
            assertThat(errorLines())
                    .singleElement()
                    .asString()
                    .startsWith(output + " is in use by another build," + " PID "
                            + ProcessHandle.current().pid() + " (training, started ");
        }
        assertThat(output.resolve("tiny")).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("training");
    }

    private int run(Path output, Path project, Path... models) {
        return TrainCommand.run(
                TrainForkRequest.of(output, List.of(models)).withProject(project),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> errorLines() {
        return err.toString(StandardCharsets.UTF_8)
                .lines()
                .flatMap(line -> ForkProtocol.errorMessage(line).stream())
                .toList();
    }
}

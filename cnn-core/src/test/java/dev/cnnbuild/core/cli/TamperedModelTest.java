package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelManifest;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.testing.TinyDataset;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model directory changed after training is not trusted: training retrains it, naming the file, and the check
 * refuses to measure it with one error line naming the file, never a stack trace.
 */
class TamperedModelTest {
    @TempDir
    Path dir;

    /** The ways a model directory gets damaged or edited by hand. */
    enum Tampering {
        TRUNCATED_PARAMETERS(ModelDirectory::parameters) {
            @Override
            void apply(ModelDirectory directory) throws IOException {
                try (FileChannel channel = FileChannel.open(directory.parameters(), StandardOpenOption.WRITE)) {
                    channel.truncate(channel.size() - 7);
                }
            }
        },
        FLIPPED_PARAMETER_BYTE(ModelDirectory::parameters) {
            @Override
            void apply(ModelDirectory directory) throws IOException {
                byte[] bytes = Files.readAllBytes(directory.parameters());
                bytes[bytes.length - 3] ^= 0x40;
                Files.write(directory.parameters(), bytes);
            }
        },
        BROKEN_METRICS(ModelDirectory::metrics) {
            @Override
            void apply(ModelDirectory directory) throws IOException {
                String json = Files.readString(directory.metrics());
                Files.writeString(directory.metrics(), json.substring(0, json.length() / 2));
            }
        },
        EDITED_MODEL_YAML(ModelDirectory::spec) {
            @Override
            void apply(ModelDirectory directory) throws IOException {
                Files.writeString(
                        directory.spec(), Files.readString(directory.spec()).replace("filters: 4", "filters: 5"));
            }
        };

        private final Function<ModelDirectory, Path> file;

        Tampering(Function<ModelDirectory, Path> file) {
            this.file = file;
        }

        abstract void apply(ModelDirectory directory) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(Tampering.class)
    void trainingRetrainsNamingTheFile(Tampering tampering) throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        ModelDirectory directory = TinyDataset.train(yaml, output);
        byte[] parameters = Files.readAllBytes(directory.parameters());
        tampering.apply(directory);
        List<String> reasons = new ArrayList<>();

        new TrainingService((model, reason) -> reasons.add(reason)).train(TrainingRequest.of(yaml, output));

        assertThat(reasons)
                .containsExactly(tampering.file.apply(directory) + " does not match " + directory.manifest()
                        + " (changed or damaged since it was trained)");
        ModelManifest.verify(directory);
        assertThat(Files.readAllBytes(directory.parameters())).isEqualTo(parameters);
    }

    @ParameterizedTest
    @EnumSource(Tampering.class)
    void checkRefusesToMeasureNamingTheFile(Tampering tampering) throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        ModelDirectory directory = TinyDataset.train(yaml, output);
        tampering.apply(directory);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = CheckCommand.run(
                new CheckForkRequest(
                        output,
                        dir,
                        Optional.empty(),
                        Optional.empty(),
                        List.of(new RuleArgument("accuracy", null, "0.5", null, null, null)),
                        List.of(),
                        "auto",
                        ThreadSettings.fixed(1),
                        OptionalLong.empty()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(ForkProtocol.error(tampering.file.apply(directory)
                                + " does not match its SHA-256 in manifest.sha256: it was changed or"
                                + " damaged after training; retrain it: the next 'mvn cnn:train' (or any build that runs it)"
                                + " replaces a model directory that does not match its manifest")
                        + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("measured");
    }
}

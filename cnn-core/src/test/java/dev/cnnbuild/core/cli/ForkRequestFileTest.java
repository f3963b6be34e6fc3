package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.engine.ClassPathNatives;
import dev.cnnbuild.core.metrics.ToolVersions;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork's request reads back from its file exactly as it was written, every field of both kinds, and a file that is
 * missing, of another plugin version, for another goal, changed, cut short or holding a value that does not parse is
 * refused with a message that names the file and the fix.
 */
class ForkRequestFileTest {
    @TempDir
    Path dir;

    private static final TrainForkRequest TRAIN = new TrainForkRequest(
            List.of(Path.of("/p/src/main/cnn/a.yaml"), Path.of("/p/src/main/cnn/ünïcode b.yml")),
            Path.of("/p/target/cnn"),
            Path.of("/p"),
            Optional.of(DeviceChoice.parse("gpu:1")),
            Optional.of(DeviceChoice.ALL_DEVICES),
            true,
            new ThreadSettings(3, true),
            MemoryLimit.parse("16g"),
            Optional.of(new ClassPathNatives("2.5.1", "cu124")),
            OptionalLong.of(4242),
            ModuleArtifacts.of(Map.of(
                    "org.example:backbone:1.0:small@ts",
                    Path.of("/m2/org/example/backbone/1.0/backbone-1.0-small.ts"))));

    private static final CheckForkRequest CHECK = new CheckForkRequest(
            Path.of("/p/target/cnn"),
            Path.of("/p"),
            Optional.of(Path.of("/p/src/test/cnn")),
            Optional.of(Path.of("/p/target/cnn-reports")),
            List.of(
                    new RuleArgument("accuracy", null, "98%", null, "0.005", null),
                    new RuleArgument("classAccuracy", "a,b=c\\d", "0.9", "1", null, "10%")),
            List.of("mnist-cnn", "digits-cnn"),
            "gpu:0",
            ThreadSettings.fixed(1),
            OptionalLong.of(7));

    @Test
    void everyFieldOfATrainingRequestReadsBack() throws Exception {
        Path file = ForkRequestFile.write(TRAIN, dir.resolve("cnn-fork"));

        assertThat(file.getFileName().toString()).startsWith("train-").endsWith(".properties");
        assertThat(ForkRequestFile.read(file, TrainForkRequest.class)).isEqualTo(TRAIN);
    }

    @Test
    void everyFieldOfACheckRequestReadsBack() throws Exception {
        Path file = ForkRequestFile.write(CHECK, dir);

        assertThat(file.getFileName().toString()).startsWith("check-");
        assertThat(ForkRequestFile.read(file, CheckForkRequest.class)).isEqualTo(CHECK);
    }

    @Test
    void absentOptionalValuesStayAbsent() throws Exception {
        TrainForkRequest bare =
                TrainForkRequest.of(dir, List.of(dir.resolve("m.yaml"))).withThreads(ThreadSettings.fixed(1));
        TrainForkRequest noNatives = new TrainForkRequest(
                bare.modelFiles(),
                bare.outputDirectory(),
                bare.projectDirectory(),
                Optional.empty(),
                Optional.of(2),
                false,
                bare.threads(),
                bare.memoryLimit(),
                Optional.empty(),
                OptionalLong.empty(),
                ModuleArtifacts.none());
        CheckForkRequest check = CheckForkRequest.of(dir, List.of());

        assertThat(ForkRequestFile.read(ForkRequestFile.write(noNatives, dir))).isEqualTo(noNatives);
        assertThat(ForkRequestFile.read(ForkRequestFile.write(check, dir))).isEqualTo(check);
    }

    @Test
    void aMissingFileSaysToRunTheGoalAgain() {
        Path missing = dir.resolve("train-1.properties");

        assertThatThrownBy(() -> ForkRequestFile.read(missing))
                .isInstanceOf(ForkRequestException.class)
                .hasMessage("the fork's request file " + missing + " does not exist; the plugin writes it for each"
                        + " fork and deletes it afterwards, so run the Maven goal again");
    }

    @Test
    void aFolderInsteadOfAFileCannotBeRead() {
        assertThatThrownBy(() -> ForkRequestFile.read(dir))
                .hasMessageStartingWith("the fork's request file " + dir + " cannot be read (");
    }

    @Test
    void aFileOfAnotherPluginVersionIsRefused() throws Exception {
        Path file = rewritten(ForkRequestFile.write(TRAIN, dir), ForkRequestFile.VERSION_KEY, "0.0.9");

        assertThatThrownBy(() -> ForkRequestFile.read(file))
                .hasMessage("the fork's request file " + file + " was written by cnn-maven-plugin 0.0.9 (request"
                        + " format 1), but this fork is " + ToolVersions.toolVersion() + " (format 1); run the build"
                        + " again with one version of the plugin");
    }

    @Test
    void aRequestForTheOtherGoalIsRefused() throws Exception {
        Path file = ForkRequestFile.write(CHECK, dir);

        assertThatThrownBy(() -> ForkRequestFile.read(file, TrainForkRequest.class))
                .hasMessage(file + " is a request for cnn:check, not for this fork (TrainForkRequest); start each fork"
                        + " with the request its goal wrote");
    }

    @Test
    void anEditedFileIsCorrupt() throws Exception {
        Path file = ForkRequestFile.write(TRAIN, dir);
        Files.writeString(file, Files.readString(file).replace("force=true", "force=false"));

        assertThatThrownBy(() -> ForkRequestFile.read(file))
                .hasMessage("the fork's request file " + file + " is corrupt: its checksum does not match its content;"
                        + " it is written for each fork, so do not edit it, and run the Maven goal again");
    }

    @Test
    void aFileCutShortIsCorrupt() throws Exception {
        Path file = ForkRequestFile.write(TRAIN, dir);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));

        assertThatThrownBy(() -> ForkRequestFile.read(file)).hasMessageContaining(" is corrupt: ");
    }

    @Test
    void anEmptyFileIsCorrupt() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.properties"), "");

        assertThatThrownBy(() -> ForkRequestFile.read(file))
                .hasMessage("the fork's request file " + file + " is corrupt: it has no checksum; it is written for"
                        + " each fork, so do not edit it, and run the Maven goal again");
    }

    @Test
    void aValueThatDoesNotParseIsNamed() throws Exception {
        Path device = rewritten(ForkRequestFile.write(TRAIN, dir), "device", "tpu");
        Path threads = rewritten(ForkRequestFile.write(TRAIN, dir), "threads", "many");
        Path models = rewritten(ForkRequestFile.write(TRAIN, dir), "model.count", "3");
        Path artifact = rewritten(ForkRequestFile.write(TRAIN, dir), "artifact.0", "org.example/backbone");
        Path artifactFiles = rewritten(ForkRequestFile.write(TRAIN, dir), "artifact.file.count", "0");

        assertThatThrownBy(() -> ForkRequestFile.read(device))
                .hasMessageContaining(" is corrupt: key 'device' is 'tpu', but must be auto, cpu, gpu or gpu:N;");
        assertThatThrownBy(() -> ForkRequestFile.read(threads))
                .hasMessageContaining(" is corrupt: key 'threads' is 'many', but must be a whole number;");
        assertThatThrownBy(() -> ForkRequestFile.read(models))
                .hasMessageContaining(" is corrupt: key 'model.2' is missing;");
        assertThatThrownBy(() -> ForkRequestFile.read(artifact))
                .hasMessageContaining(" is corrupt: key 'artifact.0' is 'org.example/backbone', but must be Maven"
                        + " coordinates groupId:artifactId:version[:classifier][@type];");
        assertThatThrownBy(() -> ForkRequestFile.read(artifactFiles))
                .hasMessageContaining(" is corrupt: key 'artifact.file.count' is '0', but must be as many files as"
                        + " artifacts (1);");
    }

    /** Replaces one value and writes a checksum that fits, as a consistent but wrong file would have. */
    private static Path rewritten(Path file, String key, String value) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        properties.setProperty(key, value);
        properties.remove(ForkRequestFile.CHECKSUM_KEY);
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> values.put((String) k, (String) v));
        properties.setProperty(ForkRequestFile.CHECKSUM_KEY, ForkRequestFile.checksum(values));
        StringWriter text = new StringWriter();
        properties.store(text, null);
        return Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }
}

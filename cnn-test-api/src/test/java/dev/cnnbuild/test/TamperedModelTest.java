package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.test.fixtures.BandsModel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model directory changed after training is never measured: loading it fails with the file and the fix. */
class TamperedModelTest {
    @TempDir
    Path dir;

    @Test
    void truncatedParametersAreNamed() throws Exception {
        ModelDirectory copy = copyOfTrainedModel();
        try (FileChannel channel = FileChannel.open(copy.parameters(), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        assertFailsNaming(copy, copy.parameters());
    }

    @Test
    void brokenMetricsAreNamed() throws Exception {
        ModelDirectory copy = copyOfTrainedModel();
        Files.writeString(copy.metrics(), "{\"name\": \"bands\", \"test\": ");

        assertFailsNaming(copy, copy.metrics());
    }

    @Test
    void editedModelFileIsNamed() throws Exception {
        ModelDirectory copy = copyOfTrainedModel();
        Files.writeString(copy.spec(), Files.readString(copy.spec()).replace("classes: 3", "classes: 4"));

        assertFailsNaming(copy, copy.spec());
    }

    @Test
    void missingManifestIsNamed() throws Exception {
        ModelDirectory copy = copyOfTrainedModel();
        Files.delete(copy.manifest());

        assertThatThrownBy(() -> CnnModel.load(copy.root()))
                .isInstanceOf(CnnModelException.class)
                .hasMessageContaining("missing manifest.sha256");
    }

    @Test
    void untouchedCopyLoads() throws Exception {
        ModelDirectory copy = copyOfTrainedModel();
        try (CnnModel model = CnnModel.load(copy.root(), BandsModel.OUTPUT.toAbsolutePath())) {
            assertThat(model.parameterCount()).isEqualTo(111);
        }
    }

    private static void assertFailsNaming(ModelDirectory copy, Path file) {
        assertThatThrownBy(() -> CnnModel.load(copy.root()))
                .isInstanceOf(CnnModelException.class)
                .hasMessage("Cannot load the model in model directory " + copy.root() + ": " + file.toAbsolutePath()
                        + " does not match its SHA-256 in manifest.sha256: it was changed"
                        + " or damaged after training; retrain it: the next 'mvn cnn:train' (or any build that runs"
                        + " it) replaces a model directory that does not match its manifest");
    }

    private ModelDirectory copyOfTrainedModel() throws IOException {
        ModelDirectory trained = BandsModel.writeDefault();
        Path copy = Files.createDirectories(dir.resolve("bands"));
        for (String name : ModelDirectory.FILES) {
            Files.copy(trained.root().resolve(name), copy.resolve(name));
        }
        return ModelDirectory.of(copy.toAbsolutePath());
    }
}

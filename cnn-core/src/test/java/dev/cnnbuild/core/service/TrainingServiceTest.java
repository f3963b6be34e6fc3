package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.cnnbuild.core.files.Folders;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training one model file: only when needed, and into a model directory that holds no absolute path. */
class TrainingServiceTest {
    @TempDir
    Path dir;

    private final List<String> decisions = new ArrayList<>();
    private final TrainingService service = new TrainingService((model, reason) -> decisions.add(reason));

    @Test
    void trainsAMissingModelAndLeavesAnUpToDateOneAlone() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        ModelDirectory directory = ModelDirectory.of(output, "tiny");

        TrainingResult first = service.train(TrainingRequest.of(yaml, output));
        byte[] parameters = Files.readAllBytes(directory.parameters());
        TrainingResult second = service.train(TrainingRequest.of(yaml, output));

        assertThat(first.trained()).isTrue();
        assertThat(first.reason()).isEqualTo("no model yet at " + directory.root());
        assertThat(first.metrics().orElseThrow().history()).hasSize(3);
        assertThat(second.trained()).isFalse();
        assertThat(second.reason()).startsWith("fingerprint ").endsWith(" matches " + directory.fingerprint());
        assertThat(decisions).containsExactly(first.reason());
        assertThat(Files.readAllBytes(directory.parameters())).isEqualTo(parameters);
    }

    @Test
    void forceRetrainsAnUpToDateModel() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        service.train(TrainingRequest.of(yaml, output));

        TrainingResult forced = service.train(TrainingRequest.of(yaml, output).withForce(true));

        assertThat(forced.trained()).isTrue();
        assertThat(forced.reason()).startsWith("forced, although it is up to date (fingerprint ");
    }

    @Test
    void theModelDirectoryRecordsTheModelFileRelativeToTheProjectAndWorksWhenMoved() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path yaml = TinyDataset.writeModel(Files.createDirectories(project.resolve("src/main/cnn")), "tiny", "");
        TrainingRequest request = new TrainingRequest(yaml, project.resolve("target/cnn"), project,
                Optional.empty(), false);

        ModelMetrics metrics = service.train(request).metrics().orElseThrow();

        assertThat(metrics.source()).isEqualTo("src/main/cnn/tiny.yaml");
        ModelDirectory written = ModelDirectory.of(project.resolve("target/cnn"), "tiny");
        for (Path file : List.of(written.metrics(), written.spec(), written.fingerprint(), written.report())) {
            assertThat(Files.readString(file)).as("%s", file.getFileName()).doesNotContain(dir.toString());
        }
        Path moved = dir.resolve("elsewhere");
        Files.move(project, moved);
        Folders.deleteRecursively(moved.resolve("target/cnn/.tiny.checkpoint"));
        try (LoadedModel model = LoadedModel.load(ModelDirectory.of(moved.resolve("target/cnn"), "tiny"), moved,
                Device.cpu())) {
            assertThat(model.spec().data().test().images()).startsWith(moved);
        }
    }
}

package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.ForkRequestFile;
import dev.cnnbuild.core.cli.TrainForkRequest;
import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.files.Folders;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelManifest;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
    void aDirectoryTrainedBeforeTheOnnxExportIsRetrainedAndGetsModelOnnxCoveredByItsManifest() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        ModelDirectory directory = ModelDirectory.of(output, "tiny");
        service.train(TrainingRequest.of(yaml, output));
        Files.delete(directory.onnx());
        ModelManifest.write(directory);

        TrainingResult retrained = service.train(TrainingRequest.of(yaml, output));

        assertThat(retrained.trained()).isTrue();
        assertThat(retrained.reason()).startsWith(directory.onnx() + " missing (");
        assertThat(directory.onnx()).isRegularFile();
        assertThat(Files.readString(directory.manifest())).contains(ModelDirectory.ONNX);
        ModelManifest.verify(directory);
        assertThat(service.train(TrainingRequest.of(yaml, output)).trained()).isFalse();
    }

    @Test
    void theModelDirectoryRecordsTheModelFileRelativeToTheProjectAndWorksWhenMoved() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path yaml = TinyDataset.writeModel(Files.createDirectories(project.resolve("src/main/cnn")), "tiny", "");
        TrainingRequest defaults = TrainingRequest.of(yaml, project.resolve("target/cnn"));
        TrainingRequest request = new TrainingRequest(
                yaml,
                project.resolve("target/cnn"),
                project,
                Optional.empty(),
                Optional.empty(),
                false,
                defaults.threads(),
                defaults.memoryLimit(),
                defaults.natives(),
                defaults.artifacts());

        ModelMetrics metrics = service.train(request).metrics().orElseThrow();

        assertThat(metrics.source()).isEqualTo("src/main/cnn/tiny.yaml");
        ModelDirectory written = ModelDirectory.of(project.resolve("target/cnn"), "tiny");
        for (Path file : List.of(written.metrics(), written.spec(), written.fingerprint(), written.report())) {
            assertThat(Files.readString(file)).as("%s", file.getFileName()).doesNotContain(dir.toString());
        }
        Path moved = dir.resolve("elsewhere");
        Files.move(project, moved);
        Folders.deleteRecursively(moved.resolve("target/cnn/.tiny.checkpoint"));
        try (LoadedModel model =
                LoadedModel.load(ModelDirectory.of(moved.resolve("target/cnn"), "tiny"), moved, Device.cpu())) {
            assertThat(model.spec().data().test().images()).startsWith(moved);
        }
    }

    @Test
    void changedInputsAreNamed() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        service.train(TrainingRequest.of(yaml, output));
        String root = ModelDirectory.of(output, "tiny").root().toString();

        Files.writeString(yaml, Files.readString(yaml).replace("seed: 7", "seed: 8"));
        assertThat(service.train(TrainingRequest.of(yaml, output)).reason())
                .isEqualTo("inputs changed since " + root + " was trained: yaml changed, seed changed (7 -> 8)");

        Files.copy(
                dir.resolve("test-images.idx3.gz"),
                dir.resolve("train-images.idx3.gz"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                dir.resolve("test-labels.idx1.gz"),
                dir.resolve("train-labels.idx1.gz"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(service.train(TrainingRequest.of(yaml, output)).reason())
                .isEqualTo("inputs changed since " + root + " was trained: train.images changed, train.labels changed");
    }

    @Test
    void runKilledAfterAnEpochLeavesOnlyItsCheckpointAndResumesToTheSameModel() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "  validationSplit: 0.25\n");
        Files.writeString(yaml, Files.readString(yaml).replace("epochs: 3", "epochs: 4"));
        Path reference = dir.resolve("reference");
        Path output = dir.resolve("out");
        service.train(TrainingRequest.of(yaml, reference));

        assertThatThrownBy(() -> new TrainingService(new DyingAfterEpoch(2)).train(TrainingRequest.of(yaml, output)))
                .hasMessage("killed after epoch 2");
        assertThat(entries(output)).containsExactly(".tiny.checkpoint");

        List<Integer> epochs = new ArrayList<>();
        ModelMetrics resumed = new TrainingService(new TrainingService.Listener() {
                    @Override
                    public void onTrainingStarts(String modelName, String reason) {}

                    @Override
                    public void onEpoch(EpochMetrics epoch) {
                        epochs.add(epoch.epoch());
                    }
                })
                .train(TrainingRequest.of(yaml, output))
                .metrics()
                .orElseThrow();

        assertThat(epochs).containsExactly(3, 4);
        assertThat(resumed.resumedAfterEpoch()).isEqualTo(2);
        assertSameModel(output, reference);
        assertThat(entries(output)).containsExactly("tiny");
    }

    @Test
    void processDestroyedDuringTrainingResumesToTheSameModel() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Files.writeString(yaml, Files.readString(yaml).replace("epochs: 3", "epochs: 6"));
        Path reference = dir.resolve("reference");
        Path output = dir.resolve("out");
        service.train(TrainingRequest.of(yaml, reference));

        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dai.djl.offline=true",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ForkProtocol.TRAIN_MAIN_CLASS,
                        ForkProtocol.REQUEST_OPTION,
                        ForkRequestFile.write(TrainForkRequest.of(output, List.of(yaml)), dir)
                                .toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null && !line.startsWith("epoch 2 done"); ) {
                line = lines.readLine();
            }
            process.destroyForcibly().waitFor();
        }
        assertThat(entries(output)).containsExactly(FolderLock.FILE_NAME, ".tiny.checkpoint");

        ModelMetrics resumed =
                service.train(TrainingRequest.of(yaml, output)).metrics().orElseThrow();

        assertThat(resumed.resumedAfterEpoch()).isBetween(2, 5);
        assertSameModel(output, reference);
    }

    private static void assertSameModel(Path output, Path reference) throws Exception {
        ModelDirectory resumed = ModelDirectory.of(output, "tiny");
        ModelDirectory uninterrupted = ModelDirectory.of(reference, "tiny");
        assertThat(Files.readAllBytes(resumed.parameters())).isEqualTo(Files.readAllBytes(uninterrupted.parameters()));
        assertThat(Files.readString(resumed.fingerprint())).isEqualTo(Files.readString(uninterrupted.fingerprint()));
        ModelMetrics resumedMetrics = ModelMetrics.read(resumed.metrics());
        ModelMetrics uninterruptedMetrics = ModelMetrics.read(uninterrupted.metrics());
        assertThat(figures(resumedMetrics.history())).isEqualTo(figures(uninterruptedMetrics.history()));
        assertThat(resumedMetrics.test()).usingRecursiveComparison().isEqualTo(uninterruptedMetrics.test());
    }

    private static List<EpochMetrics> figures(List<EpochMetrics> history) {
        return history.stream()
                .map(e -> new EpochMetrics(
                        e.epoch(),
                        e.trainLoss(),
                        e.trainAccuracy(),
                        e.testLoss(),
                        e.testAccuracy(),
                        0,
                        0,
                        e.validationLoss(),
                        e.validationAccuracy()))
                .toList();
    }

    private static List<String> entries(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A listener that fails the run, as a kill would, once an epoch has been trained and checkpointed. */
    private static final class DyingAfterEpoch implements TrainingService.Listener {
        private final int epoch;

        DyingAfterEpoch(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void onTrainingStarts(String modelName, String reason) {}

        @Override
        public void onEpoch(EpochMetrics metrics) {
            if (metrics.epoch() == epoch) {
                throw new IllegalStateException("killed after epoch " + epoch);
            }
        }
    }
}

package dev.cnnbuild.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.TrainCommand;
import dev.cnnbuild.core.cli.TrainForkRequest;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Evaluator;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void trainedDirectoryLoadsBackAndEvaluatesAsStored() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        TinyDataset.train(yaml, output);

        ModelDirectory directory = ModelDirectory.of(output, "tiny");
        assertThat(directory.isComplete()).isTrue();
        assertThat(Files.readString(directory.spec())).isEqualTo(Files.readString(yaml));
        assertThat(directory.report()).content().contains("id=\"learning-curves\"", "id=\"misclassified\"");
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files).containsExactly(directory.root());
        }
        try (LoadedModel model = LoadedModel.load(directory, Device.cpu())) {
            LabeledImages test =
                    DatasetLoader.load(model.spec().data().test(), model.spec().input(), 2);
            Evaluation evaluation = Evaluator.evaluate(model.network(), model.manager(), test, 2, 50);

            assertThat(evaluation.accuracy()).isEqualTo(model.metrics().test().accuracy());
            assertThat(evaluation.loss())
                    .isCloseTo(model.metrics().test().loss(), org.assertj.core.api.Assertions.within(1e-5));
            assertThat(model.metrics().history()).hasSize(3);
            assertThat(model.metrics().parameterCount()).isEqualTo(4 * 9 + 4 + 36 * 2 + 2);
            assertThat(model.metrics().versions().pytorch()).isEqualTo("2.5.1");
        }
        assertThat(Files.readAllLines(directory.fingerprint()))
                .anyMatch(line -> line.equals("seed=7"))
                .anyMatch(line -> line.equals("device=cpu"))
                .anyMatch(line -> line.matches("fingerprint=[0-9a-f]{64}"));
    }

    @Test
    void invalidModelFileLeavesNothingOnDisk() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "  momentum: 0.9\n");
        Path output = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                TrainForkRequest.of(output, List.of(yaml)),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString()).startsWith("ERROR: " + yaml.toAbsolutePath() + ":19:3: unknown key 'momentum'");
        assertThat(output).doesNotExist();
    }

    @Test
    void incompleteDirectoryIsNotLoaded() throws Exception {
        Path root = Files.createDirectories(dir.resolve("half"));
        Files.writeString(root.resolve(ModelDirectory.SPEC), "name: half\n");

        assertThat(ModelDirectory.of(root).missingFiles())
                .containsExactly("parameters.params", "metrics.json", "fingerprint.txt", "manifest.sha256");
        assertThat(ModelDirectory.of(root).isComplete()).isFalse();
        assertThatThrownBy(() -> LoadedModel.load(ModelDirectory.of(root), Device.cpu()))
                .hasMessage(
                        root + " is not a complete trained model directory (it needs parameters.params,"
                                + " model.yaml, metrics.json, fingerprint.txt, manifest.sha256); train it with 'mvn cnn:train'");
    }
}

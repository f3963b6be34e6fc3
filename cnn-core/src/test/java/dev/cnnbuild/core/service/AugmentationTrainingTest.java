package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training with data.augment: it changes the run, repeats exactly, resumes exactly, and the report lists it. */
class AugmentationTrainingTest {
    private static final String AUGMENT = "  augment:\n    - randomCrop: {padding: 1}\n    - horizontalFlip\n"
            + "    - rotation: {degrees: 10}\n    - colorJitter: {brightness: 0.2, contrast: 0.2}\n";

    @TempDir
    Path dir;

    @Test
    void aRunRepeatsExactlyAndDiffersFromOneWithoutAugmentation() throws Exception {
        Path yaml = augmented("tiny");
        Path plain = TinyDataset.writeModel(Files.createDirectories(dir.resolve("plain")), "tiny", "");

        ModelMetrics first = train(yaml, dir.resolve("first"));
        ModelMetrics second = train(yaml, dir.resolve("second"));
        ModelMetrics unaugmented = train(plain, dir.resolve("unaugmented"));

        assertThat(Files.readAllBytes(
                        ModelDirectory.of(dir.resolve("first"), "tiny").parameters()))
                .isEqualTo(Files.readAllBytes(
                        ModelDirectory.of(dir.resolve("second"), "tiny").parameters()));
        assertThat(first.history().get(0).trainLoss())
                .isEqualTo(second.history().get(0).trainLoss())
                .isNotEqualTo(unaugmented.history().get(0).trainLoss());
        assertThat(first.augmentation())
                .containsExactly(
                        "randomCrop: {padding: 1}",
                        "horizontalFlip: {probability: 0.5}",
                        "rotation: {degrees: 10.0}",
                        "colorJitter: {brightness: 0.2, contrast: 0.2}");
        assertThat(Files.readString(
                        ModelDirectory.of(dir.resolve("first"), "tiny").report()))
                .contains("<dt>augmentation</dt><dd>randomCrop: {padding: 1}, horizontalFlip: {probability: 0.5},");
    }

    @Test
    void aKilledRunResumesToTheSameModel() throws Exception {
        Path yaml = augmented("tiny");
        Files.writeString(yaml, Files.readString(yaml).replace("epochs: 3", "epochs: 4"));
        ModelMetrics reference = train(yaml, dir.resolve("reference"));

        assertThatThrownBy(() -> new TrainingService(new TrainingService.Listener() {
                            @Override
                            public void onTrainingStarts(String modelName, String reason) {}

                            @Override
                            public void onEpoch(EpochMetrics epoch) {
                                if (epoch.epoch() == 2) {
                                    throw new IllegalStateException("killed after epoch 2");
                                }
                            }
                        })
                        .train(TrainingRequest.of(yaml, dir.resolve("out"))))
                .hasMessage("killed after epoch 2");
        ModelMetrics resumed = train(yaml, dir.resolve("out"));

        assertThat(resumed.resumedAfterEpoch()).isEqualTo(2);
        assertThat(Files.readAllBytes(
                        ModelDirectory.of(dir.resolve("out"), "tiny").parameters()))
                .isEqualTo(Files.readAllBytes(
                        ModelDirectory.of(dir.resolve("reference"), "tiny").parameters()));
        assertThat(losses(resumed.history())).isEqualTo(losses(reference.history()));
    }

    private Path augmented(String name) throws Exception {
        Path yaml = TinyDataset.writeModel(dir, name, "");
        return Files.writeString(yaml, Files.readString(yaml).replace("data:\n", "data:\n" + AUGMENT));
    }

    private static ModelMetrics train(Path yaml, Path output) throws Exception {
        return new TrainingService((model, reason) -> {})
                .train(TrainingRequest.of(yaml, output))
                .metrics()
                .orElseThrow();
    }

    private static List<Double> losses(List<EpochMetrics> history) {
        return history.stream().map(EpochMetrics::trainLoss).toList();
    }
}

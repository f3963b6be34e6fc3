package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data.workers} changes who prepares the batches, not what they hold: an augmented run on an image folder, read
 * through the decoded cache, ends with the same parameters, bit for bit, with 1 worker and with 4, and so does a run
 * killed after an epoch and resumed with 4 workers.
 */
class DataWorkersTrainingTest {
    private static final String DATA = "  dir: images\n  testSplit: 0.25\n  resize: stretch\n  augment:\n"
            + "    - randomCrop: {padding: 1}\n    - horizontalFlip\n    - rotation: {degrees: 10}\n";

    @TempDir
    Path dir;

    @Test
    void oneWorkerAndFourTrainTheSameParameters() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 20, 10, 10, 3);

        byte[] one = train(1);
        byte[] four = train(4);

        assertThat(four).isEqualTo(one);
    }

    @Test
    void aRunKilledAfterAnEpochResumesWithFourWorkersToTheSameParameters() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 20, 10, 10, 3);
        byte[] uninterrupted = train(1);
        Path yaml = model(4);
        Path output = dir.resolve("killed");

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
                        .train(TrainingRequest.of(yaml, output)))
                .hasMessage("killed after epoch 2");
        ModelMetrics resumed = new TrainingService((model, reason) -> {})
                .train(TrainingRequest.of(yaml, output))
                .metrics()
                .orElseThrow();

        assertThat(resumed.resumedAfterEpoch()).isEqualTo(2);
        assertThat(Files.readAllBytes(ModelDirectory.of(output, "colours").parameters()))
                .isEqualTo(uninterrupted);
    }

    private byte[] train(int workers) throws Exception {
        Path output = dir.resolve("out-" + workers);
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(model(workers), output));
        return Files.readAllBytes(ModelDirectory.of(output, "colours").parameters());
    }

    private Path model(int workers) throws Exception {
        Path yaml = TinyImages.writeFolderModel(dir, "colours", DATA + "  workers: " + workers + "\n", 3);
        return Files.writeString(yaml, Files.readString(yaml).replace("epochs: 3", "epochs: 4"));
    }
}

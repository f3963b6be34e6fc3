package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training holds as many native tensors after its last epoch as after its first: every batch, test pass,
 * validation pass and checkpoint frees what it made, so the fork's memory cannot grow with the epochs through
 * tensors left attached to the trainer's or the model's manager.
 */
class LiveTensorsAcrossEpochsTest {
    @TempDir
    Path dir;

    @Test
    void everyEpochEndsWithTheSameLiveTensors() throws Exception {
        Path yaml = TinyDataset.writeModel(
                dir, "tiny", "  validationSplit: 0.25\n  earlyStopping: {metric: validationLoss, patience: 10}\n");
        Files.writeString(yaml, Files.readString(yaml).replace("epochs: 3", "epochs: 6"));
        CheckedModel checked = CheckedModel.read(yaml, MemoryLimit.machine());
        ModelSpec spec = checked.spec();
        List<Integer> live = new ArrayList<>();
        ModelTrainer trainer = ModelTrainer.builder()
                .setModel(checked)
                .optCheckpoints(CheckpointStore.beside(dir.resolve("out"), spec.name()), "fingerprint")
                .optListener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics epoch) {
                        live.add(liveTensors());
                    }
                })
                .build();

        try (TrainedNetwork trained = trainer.train(load(spec, true), load(spec, false))) {
            assertThat(trained.history()).hasSize(6);
        }

        assertThat(live).hasSize(6).allMatch(count -> count.equals(live.get(0)), "the count after epoch 1");
    }

    /** Counts the tensors attached to any manager of the engine: every manager is one of its system manager's. */
    private static int liveTensors() {
        try (NDManager probe = NDManager.newBaseManager("PyTorch")) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    private static LabeledImages load(ModelSpec spec, boolean train) throws Exception {
        return DatasetLoader.load(train ? spec.data().train() : spec.data().test(), spec.input(), spec.classes());
    }
}

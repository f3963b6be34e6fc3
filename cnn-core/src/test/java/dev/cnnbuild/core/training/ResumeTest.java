package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that dies after an epoch resumes from its checkpoint and ends exactly where an uninterrupted run ends. */
class ResumeTest {
    private static final String FINGERPRINT = "f".repeat(64);

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();

    @Test
    void resumedRunEndsWithTheParametersAndFiguresOfAnUninterruptedRun() throws Exception {
        CheckedModel model = model("  epochs: 4\n", "");
        Outcome uninterrupted = train(model, CheckpointStore.beside(dir.resolve("a"), "tiny"), 0);
        CheckpointStore store = CheckpointStore.beside(dir.resolve("b"), "tiny");

        assertThatThrownBy(() -> train(model, store, 2)).isInstanceOf(Crash.class);
        assertThat(entries(store.folder())).containsExactly("epoch-2");
        assertThat(entries(store.folder().resolve("epoch-2")))
                .containsExactly("checkpoint.json", "optimizer.ndlist", "parameters.params");
        events.clear();
        Outcome resumed = train(model, store, 0);

        assertThat(events).containsExactly("resume 2 of 4 " + store.folder().resolve("epoch-2"), "epoch 3", "epoch 4");
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(entries(store.folder())).containsExactly("epoch-4");
    }

    @Test
    void resumedRunWithValidationAndEarlyStoppingKeepsTheSameBestEpoch() throws Exception {
        CheckedModel model = model(
                "  epochs: 6\n",
                "  validationSplit: 0.25\n"
                        + "  earlyStopping: {metric: validationLoss, patience: 2, minDelta: 100}\n  testPass: everyEpoch\n");
        Outcome uninterrupted = train(model, CheckpointStore.beside(dir.resolve("a"), "tiny"), 0);
        CheckpointStore store = CheckpointStore.beside(dir.resolve("b"), "tiny");

        assertThatThrownBy(() -> train(model, store, 2)).isInstanceOf(Crash.class);
        assertThat(entries(store.folder().resolve("epoch-2")))
                .containsExactly("best.params", "checkpoint.json", "optimizer.ndlist", "parameters.params");
        events.clear();
        Outcome resumed = train(model, store, 0);

        assertThat(events)
                .containsExactly(
                        "resume 2 of 6 " + store.folder().resolve("epoch-2"), "epoch 3", "stopped after 3, kept 1");
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(resumed.history()).hasSize(3);
        List<Double> epoch1 = resumed.history().get(0);
        assertThat(epoch1.subList(epoch1.size() - 2, epoch1.size())).isEqualTo(resumed.finalTest());
    }

    @Test
    void resumedRunWithTheWholeRecipeContinuesTheScheduleExactly() throws Exception {
        CheckedModel model = model(
                "  epochs: 2\n  optimizer: {adamw: {learningRate: 0.01, weightDecay: 0.05}}\n",
                "  schedule: {cosine: {warmupEpochs: 0.5}}\n  labelSmoothing: 0.1\n  classWeights: balanced\n"
                        + "  gradientClipping: {norm: 0.5}\n");

        Outcome uninterrupted = assertResumesExactly(model, 1, "epoch 2");

        // the rate of each epoch's last step: past the warm-up and falling, one step short of the cosine's end at 0
        List<Double> rates =
                uninterrupted.history().stream().map(figures -> figures.get(0)).toList();
        assertThat(rates.get(0)).isStrictlyBetween(0.0, 0.01);
        assertThat(rates.get(1)).isStrictlyBetween(0.0, rates.get(0));
    }

    @Test
    void resumedRunWithAOneCycleThatCyclesTheMomentumContinuesItExactly() throws Exception {
        CheckedModel model = model(
                "  epochs: 3\n  optimizer: {sgd: {learningRate: 0.05, momentum: 0.9, nesterov: true}}\n",
                "  schedule: {oneCycle: {warmupEpochs: 1, baseMomentum: 0.8}}\n");

        assertResumesExactly(model, 2, "epoch 3");
    }

    /**
     * Trains a model uninterrupted, then again killed after an epoch and resumed, and asserts that both end alike.
     *
     * @param crashAfter the epoch after whose checkpoint the second run dies
     * @param epochsAfter the events of the epochs the resumed run trains
     * @return the uninterrupted run's outcome
     */
    private Outcome assertResumesExactly(CheckedModel model, int crashAfter, String... epochsAfter) throws Exception {
        Outcome uninterrupted = train(model, CheckpointStore.beside(dir.resolve("a"), "tiny"), 0);
        CheckpointStore store = CheckpointStore.beside(dir.resolve("b"), "tiny");

        assertThatThrownBy(() -> train(model, store, crashAfter)).isInstanceOf(Crash.class);
        events.clear();
        Outcome resumed = train(model, store, 0);

        List<String> expected = new ArrayList<>(List.of("resume " + crashAfter + " of "
                + model.spec().training().epochs() + " " + store.folder().resolve("epoch-" + crashAfter)));
        expected.addAll(List.of(epochsAfter));
        assertThat(events).isEqualTo(expected);
        assertThat(resumed).isEqualTo(uninterrupted);
        return uninterrupted;
    }

    @Test
    void runKilledAfterItsLastEpochResumesIntoWritingTheSameModel() throws Exception {
        CheckedModel model = model("  epochs: 2\n", "");
        Outcome uninterrupted = train(model, CheckpointStore.beside(dir.resolve("a"), "tiny"), 0);
        CheckpointStore store = CheckpointStore.beside(dir.resolve("b"), "tiny");
        assertThatThrownBy(() -> train(model, store, 2)).isInstanceOf(Crash.class);
        events.clear();

        Outcome resumed = train(model, store, 0);

        assertThat(events).containsExactly("resume 2 of 2 " + store.folder().resolve("epoch-2"));
        assertThat(resumed).isEqualTo(uninterrupted);
    }

    @Test
    void runKilledRightAfterEarlyStoppingResumesIntoKeepingTheSameEpoch() throws Exception {
        CheckedModel model =
                model("  epochs: 5\n", "  earlyStopping: {metric: testLoss, patience: 1, minDelta: 100}\n");
        Outcome uninterrupted = train(model, CheckpointStore.beside(dir.resolve("a"), "tiny"), 0);
        CheckpointStore store = CheckpointStore.beside(dir.resolve("b"), "tiny");
        assertThatThrownBy(() -> train(model, store, 2)).isInstanceOf(Crash.class);
        events.clear();

        Outcome resumed = train(model, store, 0);

        assertThat(events)
                .containsExactly("resume 2 of 5 " + store.folder().resolve("epoch-2"), "stopped after 2, kept 1");
        assertThat(resumed).isEqualTo(uninterrupted);
    }

    @Test
    void checkpointOfOtherInputsIsDiscarded() throws Exception {
        CheckedModel model = model("  epochs: 3\n", "");
        CheckpointStore store = CheckpointStore.beside(dir, "tiny");
        assertThatThrownBy(() -> train(model, store, 1)).isInstanceOf(Crash.class);
        events.clear();

        try (TrainedNetwork trained =
                trainer(model).optCheckpoints(store, "0".repeat(64)).build().train(train(model), test(model))) {
            assertThat(trained.resumedAfterEpoch()).isEmpty();
            assertThat(trained.history()).hasSize(3);
        }
        assertThat(events.get(0))
                .isEqualTo("discard " + store.folder().resolve("epoch-1") + ": it was saved after"
                        + " epoch 1 for other inputs (fingerprint ffffffffffff, now 000000000000)");
    }

    @Test
    void freshStartDiscardsTheCheckpoint() throws Exception {
        CheckedModel model = model("  epochs: 2\n", "");
        CheckpointStore store = CheckpointStore.beside(dir, "tiny");
        assertThatThrownBy(() -> train(model, store, 1)).isInstanceOf(Crash.class);
        events.clear();

        try (TrainedNetwork trained = trainer(model)
                .optCheckpoints(store, FINGERPRINT)
                .optStartFresh(true)
                .build()
                .train(train(model), test(model))) {
            assertThat(trained.history()).hasSize(2);
        }
        assertThat(events)
                .containsExactly(
                        "discard " + store.folder().resolve("epoch-1") + ": it was saved after"
                                + " epoch 1, but a fresh start was asked for",
                        "epoch 1",
                        "epoch 2");
    }

    @Test
    void unreadableCheckpointIsDiscarded() throws Exception {
        CheckedModel model = model("  epochs: 1\n", "");
        CheckpointStore store = CheckpointStore.beside(dir, "tiny");
        Files.createDirectories(store.folder().resolve("epoch-3"));
        Files.writeString(store.folder().resolve("epoch-3/checkpoint.json"), "{\"fingerprint\": ");

        train(model, store, 0);

        assertThat(events.get(0))
                .startsWith("discard " + store.folder() + ": it cannot be read (")
                .endsWith(")")
                .doesNotContain("\n");
        assertThat(entries(store.folder())).containsExactly("epoch-1");
    }

    private Outcome train(CheckedModel model, CheckpointStore store, int crashAfter) throws Exception {
        try (TrainedNetwork trained = trainer(model, crashAfter)
                .optCheckpoints(store, FINGERPRINT)
                .build()
                .train(train(model), test(model))) {
            ByteArrayOutputStream parameters = new ByteArrayOutputStream();
            trained.network().saveParameters(new DataOutputStream(parameters));
            return new Outcome(
                    trained.history().stream().map(ResumeTest::figures).toList(),
                    List.of(
                            trained.finalEvaluation().loss(),
                            trained.finalEvaluation().accuracy()),
                    Base64.getEncoder().encodeToString(parameters.toByteArray()));
        }
    }

    private ModelTrainer.Builder trainer(CheckedModel model) {
        return trainer(model, 0);
    }

    private ModelTrainer.Builder trainer(CheckedModel model, int crashAfter) {
        return ModelTrainer.builder().setModel(model).optListener(new TrainingListener() {
            @Override
            public void onResume(ResumePoint point) {
                events.add("resume " + point.epoch() + " of " + point.epochs() + " " + point.checkpoint());
            }

            @Override
            public void onCheckpointDiscarded(DiscardedCheckpoint discarded) {
                events.add("discard " + discarded.checkpoint() + ": " + discarded.reason());
            }

            @Override
            public void onEpoch(EpochMetrics epoch) {
                events.add("epoch " + epoch.epoch());
                if (epoch.epoch() == crashAfter) {
                    throw new Crash();
                }
            }

            @Override
            public void onEarlyStopping(EarlyStoppingResult result) {
                events.add("stopped after " + result.lastEpoch() + ", kept " + result.keptEpoch());
            }
        });
    }

    private CheckedModel model(String epochs, String extra) throws Exception {
        String yaml = TinyDataset.modelYaml("tiny", extra)
                .replace("  optimizer: {adam: {learningRate: 0.01}}\n", "")
                .replace(
                        "  epochs: 3\n",
                        epochs.contains("optimizer") ? epochs : epochs + "  optimizer: {adam: {learningRate: 0.01}}\n")
                .replace("  - flatten\n", "  - flatten\n  - dropout: {rate: 0.25}\n");
        TinyDataset.writeData(dir);
        return CheckedModel.read(Files.writeString(dir.resolve("tiny.yaml"), yaml), MemoryLimit.machine());
    }

    private static List<Double> figures(EpochMetrics e) {
        List<Double> figures = new ArrayList<>(List.of(e.learningRate(), e.trainLoss(), e.trainAccuracy()));
        if (e.hasValidation()) {
            figures.addAll(List.of(e.validationLoss(), e.validationAccuracy()));
        }
        if (e.hasTest()) {
            figures.addAll(List.of(e.testLoss(), e.testAccuracy()));
        }
        return figures;
    }

    private static List<String> entries(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static LabeledImages train(CheckedModel model) throws Exception {
        ModelSpec spec = model.spec();
        return DatasetLoader.load(spec.data().train(), spec.input(), spec.classes());
    }

    private static LabeledImages test(CheckedModel model) throws Exception {
        ModelSpec spec = model.spec();
        return DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
    }

    /** A run's figures without timings, its final test figures, and its parameters (Base64). */
    private record Outcome(List<List<Double>> history, List<Double> finalTest, String parameters) {}

    /** Stands for the process being killed right after an epoch's checkpoint. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}

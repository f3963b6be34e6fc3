package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {
    @TempDir
    Path dir;

    @Test
    void learnsTwoSeparableClasses() throws Exception {
        CheckedModel checked = CheckedModel.read(TinyDataset.writeModel(dir, "tiny", ""), MemoryLimit.machine());
        ModelSpec spec = checked.spec();
        List<EpochMetrics> heard = new ArrayList<>();

        try (TrainedNetwork trained = trainer(checked, heard).train(train(spec), test(spec))) {
            assertThat(trained.history()).hasSize(3);
            assertThat(heard).isEqualTo(trained.history());
            assertThat(trained.finalEvaluation().count()).isEqualTo(128);
            assertThat(trained.finalEvaluation().accuracy()).isGreaterThanOrEqualTo(0.95);
            assertThat(trained.finalPredictions()).isEqualTo(predictAll(trained, spec));
            assertThat(trained.history().get(2).trainLoss())
                    .isLessThan(trained.history().get(0).trainLoss());
            assertThat(trained.device()).isEqualTo("cpu()");
            assertThat(trained.history()).extracting(EpochMetrics::hasTest).containsExactly(false, false, true);
            assertThat(trained.history().get(2).testLoss())
                    .isEqualTo(trained.finalEvaluation().loss());
            assertThat(trained.history().get(2).testAccuracy())
                    .isEqualTo(trained.finalEvaluation().accuracy());
        }
    }

    @Test
    void measuresTheTestSetAfterEveryEpochWhenAskedTo() throws Exception {
        CheckedModel checked = CheckedModel.read(
                TinyDataset.writeModel(dir, "tiny", "  testPass: everyEpoch\n"), MemoryLimit.machine());
        ModelSpec spec = checked.spec();

        try (TrainedNetwork trained = trainer(checked, new ArrayList<>()).train(train(spec), test(spec))) {
            assertThat(trained.history()).allMatch(EpochMetrics::hasTest);
            assertThat(trained.history().get(0).testLoss())
                    .isNotEqualTo(trained.history().get(2).testLoss());
            assertThat(trained.history().get(2).testLoss())
                    .isEqualTo(trained.finalEvaluation().loss());
        }
    }

    @Test
    void sameSeedGivesTheSameHistory() throws Exception {
        CheckedModel checked = CheckedModel.read(TinyDataset.writeModel(dir, "tiny", ""), MemoryLimit.machine());
        ModelSpec spec = checked.spec();

        List<List<Double>> first = losses(checked);
        List<List<Double>> second = losses(checked);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void trainingSetSmallerThanABatchIsReported() throws Exception {
        CheckedModel checked = CheckedModel.read(TinyDataset.writeModel(dir, "tiny", ""), MemoryLimit.machine());
        ModelSpec spec = checked.spec();

        assertThatThrownBy(() ->
                        trainer(checked, new ArrayList<>()).train(train(spec).first(10), test(spec)))
                .isInstanceOf(TrainingException.class)
                .hasMessage("tiny: the training set has 10 images, fewer than one batch of 16;"
                        + " lower 'training.batchSize'");
        assertThatThrownBy(() ->
                        trainer(checked, new ArrayList<>()).train(train(spec).first(1), test(spec)))
                .isInstanceOf(TrainingException.class)
                .hasMessage("tiny: the training set has 1 image, fewer than one batch of 16;"
                        + " lower 'training.batchSize'");
    }

    @Test
    void trainingSetThatAValidationSplitMakesSmallerThanABatchIsReported() throws Exception {
        CheckedModel checked = CheckedModel.read(
                TinyDataset.writeModel(dir, "tiny", "  validationSplit: 0.5\n"), MemoryLimit.machine());
        ModelSpec spec = checked.spec();

        assertThatThrownBy(() ->
                        trainer(checked, new ArrayList<>()).train(train(spec).first(20), test(spec)))
                .isInstanceOf(TrainingException.class)
                .hasMessage("tiny: the training set has 10 images after holding out 10 for validation, fewer than"
                        + " one batch of 16; lower 'training.validationSplit' to 0.20 or less, or lower"
                        + " 'training.batchSize'");
    }

    @Test
    void aValidationSplitThatLeavesOneTrainingImageSaysOneImage() throws Exception {
        CheckedModel checked = CheckedModel.read(
                TinyDataset.writeModel(dir, "tiny", "  validationSplit: 0.94\n"), MemoryLimit.machine());
        ModelSpec spec = checked.spec();

        assertThatThrownBy(() ->
                        trainer(checked, new ArrayList<>()).train(train(spec).first(16), test(spec)))
                .isInstanceOf(TrainingException.class)
                .hasMessage("tiny: the training set has 1 image after holding out 15 for validation, fewer than"
                        + " one batch of 16; remove 'training.validationSplit', or lower 'training.batchSize'");
    }

    @Test
    void validatesOnAHeldOutShareAfterEveryEpoch() throws Exception {
        CheckedModel checked = CheckedModel.read(
                TinyDataset.writeModel(dir, "tiny", "  validationSplit: 0.25\n"), MemoryLimit.machine());
        ModelSpec spec = checked.spec();
        List<TrainingPlan> plans = new ArrayList<>();

        try (TrainedNetwork trained = ModelTrainer.builder()
                .setModel(checked)
                .optListener(new TrainingListener() {
                    @Override
                    public void onStart(TrainingPlan plan) {
                        plans.add(plan);
                    }
                })
                .build()
                .train(train(spec), test(spec))) {
            assertThat(plans)
                    .extracting(
                            TrainingPlan::trainImages, TrainingPlan::validationImages, TrainingPlan::batchesPerEpoch)
                    .containsExactly(tuple(192, 64, 12));
            assertThat(trained.history()).allMatch(EpochMetrics::hasValidation);
            assertThat(trained.history().get(2).validationAccuracy()).isGreaterThanOrEqualTo(0.95);
            assertThat(trained.earlyStopping()).isEmpty();
        }
    }

    @Test
    void stopsEarlyAndKeepsTheBestEpochsParameters() throws Exception {
        CheckedModel checked = CheckedModel.read(
                TinyDataset.writeModel(
                        dir,
                        "tiny",
                        "  validationSplit: 0.25\n  earlyStopping: {metric: validationLoss, patience: 1, minDelta: 10}\n"
                                + "  testPass: everyEpoch\n"),
                MemoryLimit.machine());
        ModelSpec spec = checked.spec();

        try (TrainedNetwork trained = trainer(checked, new ArrayList<>()).train(train(spec), test(spec))) {
            assertThat(trained.history()).hasSize(2);
            assertThat(trained.earlyStopping()).hasValueSatisfying(result -> {
                assertThat(result.stoppedEarly()).isTrue();
                assertThat(result.lastEpoch()).isEqualTo(2);
                assertThat(result.keptEpoch()).isEqualTo(1);
                assertThat(result.keptValue())
                        .isEqualTo(trained.history().get(0).validationLoss());
                assertThat(result.reason()).isEqualTo("validationLoss did not improve by more than 10.0 for 1 epoch");
            });
            assertThat(trained.finalEvaluation().loss())
                    .isEqualTo(trained.history().get(0).testLoss());
            assertThat(trained.finalEvaluation().accuracy())
                    .isEqualTo(trained.history().get(0).testAccuracy());
            assertThat(trained.finalPredictions()).isEqualTo(predictAll(trained, spec));
        }
    }

    @Test
    void withoutAnEarlyStopTheBestEpochIsStillTheOneKept() throws Exception {
        CheckedModel checked = CheckedModel.read(
                TinyDataset.writeModel(dir, "tiny", "  earlyStopping: {metric: testLoss, patience: 5}\n"),
                MemoryLimit.machine());
        ModelSpec spec = checked.spec();

        try (TrainedNetwork trained = trainer(checked, new ArrayList<>()).train(train(spec), test(spec))) {
            int best = trained.history().stream()
                    .min(Comparator.comparingDouble(EpochMetrics::testLoss))
                    .orElseThrow()
                    .epoch();
            assertThat(trained.history()).hasSize(3);
            assertThat(trained.earlyStopping()).hasValueSatisfying(result -> {
                assertThat(result.stoppedEarly()).isFalse();
                assertThat(result.keptEpoch()).isEqualTo(best);
            });
            assertThat(trained.finalEvaluation().loss())
                    .isEqualTo(trained.history().get(best - 1).testLoss());
        }
    }

    private List<List<Double>> losses(CheckedModel checked) throws Exception {
        ModelSpec spec = checked.spec();
        try (TrainedNetwork trained = trainer(checked, new ArrayList<>()).train(train(spec), test(spec))) {
            return trained.history().stream()
                    .map(e -> Arrays.asList(e.trainLoss(), e.testLoss()))
                    .toList();
        }
    }

    private static ModelTrainer trainer(CheckedModel checked, List<EpochMetrics> heard) {
        return ModelTrainer.builder()
                .setModel(checked)
                .optListener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics epoch) {
                        heard.add(epoch);
                    }
                })
                .build();
    }

    /** The predictions of a separate pass over the test set, by the parameters the trained network kept. */
    private static List<Prediction> predictAll(TrainedNetwork trained, ModelSpec spec) throws Exception {
        return new ImageClassifier(
                        trained.network(), trained.manager(), spec.input(), spec.classes(), PixelScaling.UNIT)
                .predictAll(test(spec).images(), 50);
    }

    private static LabeledImages train(ModelSpec spec) throws Exception {
        return DatasetLoader.load(spec.data().train(), spec.input(), spec.classes());
    }

    private static LabeledImages test(ModelSpec spec) throws Exception {
        return DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
    }
}

package dev.cnnbuild.test;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A convolutional model really trained by the core's training service, as {@code cnn:train} does, in seconds. */
class TrainedModelTest {
    @TempDir
    static Path dir;

    static CnnModel model;

    @BeforeAll
    static void train() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "halves", "");
        TinyDataset.train(yaml, dir.resolve("cnn"));
        model = CnnModel.load(dir.resolve("cnn"), "halves");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void measuresWhatTheTrainerMeasured() throws Exception {
        Evaluation measured = model.evaluate(model.testSet().orElseThrow());
        ModelMetrics stored = ModelMetrics.read(dir.resolve("cnn/halves/metrics.json"));

        assertThat(measured.accuracy()).isEqualTo(stored.test().accuracy());
        assertThat(model.parameterCount())
                .isEqualTo(stored.parameterCount())
                .isEqualTo(CheckedModel.read(dir.resolve("halves.yaml"), MemoryLimit.machine())
                        .parameterCount());
    }

    @Test
    void passesAndFailsWithTheMeasuredFigures() {
        Evaluation evaluation = model.evaluate(model.testSet().orElseThrow());
        assertThat(model)
                .hasTestAccuracyAbove(0.9)
                .everyClassHasAccuracyAbove(0.85)
                .hasMacroF1Above(0.9)
                .hasParameterCountBelow(200)
                .keepsAccuracyAboveUnderNoise(0.05, 0.85);

        assertThatThrownBy(() -> assertThat(model).hasTestAccuracyAbove(1))
                .hasMessageStartingWith(String.format(
                        Locale.ROOT,
                        "Expecting accuracy of model halves on its test"
                                + " set (%d of 128 correct) to be above 1 but was %.4f; weakest classes: ",
                        evaluation.correct(),
                        evaluation.accuracy()));
        assertThatThrownBy(() -> assertThat(model).hasParameterCountBelow(100))
                .hasMessage("Expecting model halves to have fewer than 100 parameters but it has 114");
    }

    /** Class 0 bright in its left half, class 1 in its right half, with seeded noise. */
}

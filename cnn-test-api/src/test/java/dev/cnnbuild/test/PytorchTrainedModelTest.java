package dev.cnnbuild.test;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.testing.ExportedTraining;
import dev.cnnbuild.core.testing.PythonTorch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory written by the exported package's {@code train.py --output DIR} (the way a model trained under
 * torchrun comes back into the build), loaded by the test API as one trained by {@code cnn:train}: the assertions
 * measure it on its held-out images as PyTorch did. Needs {@code /usr/bin/python3} with torch; skipped without it.
 */
class PytorchTrainedModelTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryTrainedByTrainPyIsAssertedOnAsPyTorchMeasuredIt() throws Exception {
        PythonTorch.assumeAvailable();
        ModelMetrics stored =
                ModelMetrics.read(ExportedTraining.trainTinyFolderModel(dir, 3).resolve("metrics.json"));

        try (CnnModel model = CnnModel.load(dir.resolve("torch"), "exported", dir)) {
            Evaluation measured = model.evaluate(model.testSet().orElseThrow());

            assertThat(measured.count()).isEqualTo(stored.test().count()).isEqualTo(10);
            assertThat(measured.correct()).isEqualTo(stored.test().correct());
            assertThat(model.classNames().names()).containsExactly("blue", "red");
            assertThat(model).hasTestAccuracyAbove(stored.test().accuracy() - 0.01);
            assertThatThrownBy(() ->
                            assertThat(model).hasTestAccuracyAbove(stored.test().accuracy()))
                    .isInstanceOf(AssertionError.class);
        }
    }
}

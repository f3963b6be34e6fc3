package dev.cnnbuild.test;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.testing.TinyBackbone;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model whose first layer is a frozen TorchScript backbone, trained as {@code cnn:train} does, in the test API. */
class TorchScriptLayerModelTest {
    @TempDir
    Path dir;

    @Test
    void loadsAndMeasuresWhatTheTrainerMeasured() throws Exception {
        Path yaml = TinyBackbone.writeModel(dir, "{file: backbone.pt, output: [16], trainable: false}", 3);
        TinyDataset.train(yaml, dir.resolve("cnn"));
        ModelMetrics stored = ModelMetrics.read(dir.resolve("cnn/tuned/metrics.json"));

        try (CnnModel model = CnnModel.load(dir.resolve("cnn"), "tuned")) {
            Evaluation measured = model.evaluate(model.testSet().orElseThrow());

            assertThat(measured.accuracy()).isEqualTo(stored.test().accuracy());
            assertThat(model).hasTestAccuracyAbove(0.9);
        }
    }
}

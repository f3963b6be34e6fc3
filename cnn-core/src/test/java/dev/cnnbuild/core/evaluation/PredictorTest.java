package dev.cnnbuild.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.cnnbuild.core.cli.TrainCommand;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
    @TempDir
    Path dir;

    @Test
    void predictionsAgreeWithTheEvaluationAndAreProbabilities() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        assertThat(TrainCommand.run(new String[] {"--output", output.toString(), yaml.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();

        try (LoadedModel model = LoadedModel.load(ModelDirectory.of(output, "tiny"), Device.cpu())) {
            LabeledImages test = DatasetLoader.load(model.spec().data().test(), model.spec().input(), 2);
            Evaluation evaluation = Evaluator.evaluate(model.network(), model.manager(), test, 2, 50);

            Predictions predictions = Predictor.predict(model.network(), model.manager(), test.images(), 50);

            assertThat(predictions.size()).isEqualTo(test.size());
            long[][] confusion = new long[2][2];
            for (int i = 0; i < predictions.size(); i++) {
                confusion[test.labels()[i]][predictions.label(i)]++;
                assertThat(predictions.confidence(i)).isBetween(0.5f, 1f);
            }
            assertThat(confusion).isEqualTo(evaluation.confusion());
        }
    }

    @Test
    void oneConfidencePerLabel() {
        assertThatThrownBy(() -> new Predictions(new int[2], new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 labels but 1 confidences");
    }
}

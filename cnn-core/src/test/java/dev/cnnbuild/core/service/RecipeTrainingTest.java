package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file with the whole training recipe trains through the service: the learning rate of every epoch goes
 * into metrics.json and onto the report as its own curve, and a class weight of a class the data do not have fails
 * before any training, naming where it is written.
 */
class RecipeTrainingTest {
    private static final String RECIPE = "  schedule: {cosine: {warmupEpochs: 1}}\n  labelSmoothing: 0.1\n"
            + "  classWeights: {'1': 2.0}\n  gradientClipping: {norm: 1.0}\n";

    @TempDir
    Path dir;

    @Test
    void theLearningRateOfEveryEpochIsRecordedAndCharted() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", RECIPE);
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("{adam: {learningRate: 0.01}}", "{adamw: {learningRate: 0.01, weightDecay: 0.05}}"));

        ModelDirectory directory = TinyDataset.train(yaml, dir.resolve("out"));

        String metrics = Files.readString(directory.root().resolve("metrics.json"));
        List<EpochMetrics> history =
                new ObjectMapper().readValue(metrics, ModelMetrics.class).history();
        assertThat(history).hasSize(3);
        // epoch 1 ends the warm-up one step short of the full rate; then the cosine falls
        assertThat(history.get(0).learningRate()).isStrictlyBetween(0.009, 0.01);
        assertThat(history.get(1).learningRate())
                .isStrictlyBetween(0.0, history.get(0).learningRate());
        assertThat(history.get(2).learningRate())
                .isStrictlyBetween(0.0, history.get(1).learningRate());
        assertThat(metrics).contains("\"learningRate\"");
        String report = Files.readString(directory.root().resolve("report.html"));
        assertThat(report).contains("aria-label=\"Learning rate\"").contains("<th>learning rate</th>");
    }

    @Test
    void aWeightForAClassTheDataDoNotHaveFailsBeforeTraining() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "  classWeights: {'1': 2.0, cat: 3}\n");

        assertThatThrownBy(() -> TinyDataset.train(yaml, dir.resolve("out")))
                .isInstanceOf(SpecException.class)
                .hasMessage(yaml + ":19:28: 'classWeights' of training weighs class 'cat', which the data do not have;"
                        + " valid classes: 0, 1");
        assertThat(dir.resolve("out/tiny")).doesNotExist();
    }
}

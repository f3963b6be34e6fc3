package dev.cnnbuild.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.json gains fields without breaking files written before them, or readers that do not know them. */
class ModelMetricsJsonTest {
    private static final ToolVersions VERSIONS = new ToolVersions("0.1.0-SNAPSHOT", "0.36.0", "2.7.1");
    private static final TestMetrics TEST =
            new TestMetrics(0.5, 0.7, 1, 2, 0.5, 0.5, 0.5, List.of(), new long[][] {{1, 0}, {1, 0}});

    @TempDir
    Path dir;

    @Test
    void fileWrittenBeforeValidationAndEarlyStoppingReadsWithNulls() throws Exception {
        Path file = Files.writeString(dir.resolve("metrics.json"), """
                {"name": "tiny", "source": "/p/tiny.yaml", "seed": 7, "device": "cpu()",
                 "versions": {"cnnbuild": "0.1.0-SNAPSHOT", "djl": "0.36.0", "pytorch": "2.7.1"},
                 "parameterCount": 114,
                 "history": [{"epoch": 1, "trainLoss": 0.6, "trainAccuracy": 0.7, "testLoss": 0.5,
                              "testAccuracy": 0.8, "trainSeconds": 0.2, "imagesPerSecond": 1200.0}],
                 "test": {"accuracy": 0.5, "loss": 0.7, "correct": 1, "count": 2, "macroPrecision": 0.5,
                          "macroRecall": 0.5, "macroF1": 0.5, "perClass": [], "confusionMatrix": [[1, 0], [1, 0]]},
                 "trainSeconds": 0.2, "totalSeconds": 1.5}
                """);

        ModelMetrics metrics = ModelMetrics.read(file);

        assertThat(metrics.history()).containsExactly(new EpochMetrics(1, 0.6, 0.7, 0.5, 0.8, 0.2, 1200));
        assertThat(metrics.history().get(0).hasValidation()).isFalse();
        assertThat(metrics.earlyStopping()).isNull();
        assertThat(metrics.resumedAfterEpoch()).isNull();
    }

    @Test
    void fieldsThatDoNotApplyAreLeftOutOfTheFile() throws Exception {
        Path file = dir.resolve("metrics.json");
        new ModelMetrics(
                        "tiny",
                        "/p/tiny.yaml",
                        7,
                        "cpu()",
                        VERSIONS,
                        114,
                        List.of(new EpochMetrics(1, 0.6, 0.7, 0.5, 0.8, 0.2, 1200)),
                        TEST,
                        0.2,
                        1.5)
                .write(file);

        assertThat(Files.readString(file)).doesNotContain("validation", "earlyStopping", "resumedAfterEpoch", "null");
    }

    @Test
    void validationEarlyStoppingAndResumeRoundTrip() throws Exception {
        Path file = dir.resolve("metrics.json");
        ModelMetrics written = new ModelMetrics(
                "tiny",
                "/p/tiny.yaml",
                7,
                "cpu()",
                VERSIONS,
                114,
                List.of(new EpochMetrics(1, 0.6, 0.7, 0.5, 0.8, 0.2, 1200, 0.55, 0.75)),
                TEST,
                0.2,
                1.5,
                new EarlyStoppingResult(
                        "validationLoss", 1, 0, true, 2, 1, 0.55, "validationLoss did not improve for 1 epoch"),
                1);
        written.write(file);

        ModelMetrics read = ModelMetrics.read(file);

        assertThat(read.history()).isEqualTo(written.history());
        assertThat(read.earlyStopping()).isEqualTo(written.earlyStopping());
        assertThat(read.resumedAfterEpoch()).isEqualTo(1);
    }

    @Test
    void fieldsOfANewerVersionAreIgnored() throws Exception {
        Path file = dir.resolve("metrics.json");
        new ModelMetrics("tiny", "/p/tiny.yaml", 7, "cpu()", VERSIONS, 114, List.of(), TEST, 0.2, 1.5).write(file);
        Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{\"fromTheFuture\": 1,"));

        assertThat(ModelMetrics.read(file).name()).isEqualTo("tiny");
    }
}

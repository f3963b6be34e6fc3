package dev.cnnbuild.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    @Test
    void blessedMetricsAreTheTrainersFormatAndLoadBack() throws Exception {
        ModelMetrics metrics = SampleMetrics.model(SampleMetrics.test(0.9866, 0.0712, 0.99));
        Path file = dir.resolve("src/test/cnn/mnist-cnn.metrics.json");

        Baseline written = BaselineWriter.write(metrics, file);

        assertThat(ModelMetrics.read(file).test().accuracy()).isEqualTo(0.9866);
        assertThat(written.isPresent()).isTrue();
        assertThat(written.file()).hasValue(file);
        assertThat(written.describe()).isEqualTo("the baseline " + file);
        assertThat(written.source().value(Measure.of(Metric.ACCURACY))).hasValue(0.9866);
        assertThat(written.source().value(Measure.ofClass(Metric.CLASS_ACCURACY, 8)))
                .hasValue(0.99);
        assertThat(written.source().classes()).isEqualTo(10);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void blessCopiesAModelDirectorysMetricsOverAnOlderBaseline() throws Exception {
        ModelDirectory model = ModelDirectory.of(Files.createDirectories(dir.resolve("target/cnn/mnist-cnn")));
        SampleMetrics.model(SampleMetrics.test(0.99, 0.05, 0.98)).write(model.metrics());
        Path file = dir.resolve("baseline.json");
        BaselineWriter.write(SampleMetrics.model(SampleMetrics.test(0.5, 1.0, 0.5)), file);

        Baseline blessed = BaselineWriter.bless(model, file);

        assertThat(blessed.source().value(Measure.of(Metric.ACCURACY))).hasValue(0.99);
        assertThat(Files.readString(file)).isEqualTo(Files.readString(model.metrics()));
    }

    @Test
    void aModelDirectoryIsABaseline() throws Exception {
        ModelDirectory model = ModelDirectory.of(Files.createDirectories(dir.resolve("target/cnn/old")));
        SampleMetrics.model(SampleMetrics.test(0.97, 0.1, 0.9)).write(model.metrics());

        Baseline baseline = Baseline.load(model.root());

        assertThat(baseline.file()).hasValue(model.metrics());
        assertThat(baseline.source().value(Measure.of(Metric.LOSS))).hasValue(0.1);
    }

    @Test
    void figuresAtHandAreANamedBaseline() {
        Baseline baseline = Baseline.named("model old", MetricSource.of(SampleMetrics.test(0.97, 0.1, 0.9)));

        assertThat(baseline.isPresent()).isTrue();
        assertThat(baseline.file()).isEmpty();
        assertThat(baseline.describe()).isEqualTo("the baseline model old");
        assertThat(baseline.source().value(Measure.of(Metric.LOSS))).hasValue(0.1);
    }

    @Test
    void aBaselineInsideTheProjectIsNamedRelativeToItAndOneOutsideAsGiven() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path inside = project.resolve("src/test/cnn/mnist-cnn.metrics.json");
        Path outside = dir.resolve("elsewhere/mnist-cnn.metrics.json");

        assertThat(Baseline.load(inside, project).describe())
                .isEqualTo("no baseline at src/test/cnn/mnist-cnn.metrics.json");
        assertThat(Baseline.load(outside, project).describe()).isEqualTo("no baseline at " + outside);
        assertThat(Baseline.load(inside, project).file()).hasValue(inside);
    }

    @Test
    void missingFileIsAnAbsentBaseline() throws Exception {
        Path file = dir.resolve("none.json");

        Baseline baseline = Baseline.load(file);

        assertThat(baseline.isPresent()).isFalse();
        assertThat(baseline.describe()).isEqualTo("no baseline at " + file);
        assertThatThrownBy(baseline::source)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no baseline at " + file);
        assertThat(Baseline.none().file()).isEmpty();
    }

    @Test
    void brokenFileIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"test\": {\"accuracy\": ");

        assertThatThrownBy(() -> Baseline.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " is not a valid metrics.json file (");
    }

    @Test
    void fieldsAFileLacksAreMissingNotZero() throws Exception {
        Path file = Files.writeString(
                dir.resolve("old.json"),
                "{\"name\": \"mnist-cnn\", \"test\": {"
                        + "\"accuracy\": 0.98, \"loss\": \"NaN\", \"perClass\": [{\"label\": 3, \"accuracy\": 0.9}]}}");
        MetricSource source = Baseline.load(file).source();

        assertThat(source.value(Measure.of(Metric.ACCURACY))).hasValue(0.98);
        assertThat(source.value(Measure.of(Metric.LOSS)).getAsDouble()).isNaN();
        assertThat(source.value(Measure.of(Metric.MACRO_F1))).isEmpty();
        assertThat(source.value(Measure.ofClass(Metric.CLASS_ACCURACY, 3))).hasValue(0.9);
        assertThat(source.value(Measure.ofClass(Metric.CLASS_F1, 3))).isEmpty();
        assertThat(source.value(Measure.ofClass(Metric.CLASS_ACCURACY, 0))).isEmpty();

        GateResult result = new QualityGate(List.of(
                        Rule.builder("macroF1").absoluteTolerance("0.01").build()))
                .check("mnist-cnn", MetricSource.of(SampleMetrics.test(0.98, 0.07, 0.9)), Baseline.load(file));
        assertThat(result.violations())
                .extracting(RuleOutcome::message)
                .containsExactly("mnist-cnn: test macro F1"
                        + " is 0.9650, but the baseline " + file + " has no test macro F1; write a new baseline with"
                        + " 'mvn cnn:bless' or remove the tolerance");
    }

    @Test
    void notANumberSurvivesTheRoundTrip() throws Exception {
        Path file = dir.resolve("nan.json");

        BaselineWriter.write(SampleMetrics.model(SampleMetrics.test(0.1, Double.NaN, 0.1)), file);

        assertThat(Baseline.load(file).source().value(Measure.of(Metric.LOSS)).getAsDouble())
                .isNaN();
    }
}

package dev.cnnbuild.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.metrics.ClassMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StoredFigures are looked up through typed accessors, and the stored form keeps the names the trainer writes. */
class TestMetricsSourceTest {
    @TempDir
    Path dir;

    @Test
    void everyMetricReadsItsOwnAccessor() {
        TestMetrics test = new TestMetrics(
                0.91,
                0.3,
                91,
                100,
                0.81,
                0.82,
                0.83,
                List.of(new ClassMetrics(0, 50, 0.71, 0.72, 0.73), new ClassMetrics(1, 50, 0.61, 0.62, 0.63)),
                new long[][] {{36, 14}, {19, 31}});
        MetricSource source = MetricSource.of(test);

        assertThat(source.value(Measure.of(Metric.ACCURACY))).hasValue(0.91);
        assertThat(source.value(Measure.of(Metric.LOSS))).hasValue(0.3);
        assertThat(source.value(Measure.of(Metric.MACRO_PRECISION))).hasValue(0.81);
        assertThat(source.value(Measure.of(Metric.MACRO_RECALL))).hasValue(0.82);
        assertThat(source.value(Measure.of(Metric.MACRO_F1))).hasValue(0.83);
        assertThat(source.value(Measure.ofClass(Metric.CLASS_PRECISION, 1))).hasValue(0.61);
        assertThat(source.value(Measure.ofClass(Metric.CLASS_ACCURACY, 1))).hasValue(0.62);
        assertThat(source.value(Measure.ofClass(Metric.CLASS_F1, 1))).hasValue(0.63);
        assertThat(source.value(Measure.ofClass(Metric.CLASS_F1, 2))).isEmpty();
    }

    @Test
    void storedFiguresKeepTheTrainersNames() {
        assertThat(names(TestMetricsSource.StoredFigures.class.getRecordComponents()))
                .isSubsetOf(names(TestMetrics.class.getRecordComponents()));
        assertThat(names(TestMetricsSource.ClassFigures.class.getRecordComponents()))
                .isSubsetOf(names(ClassMetrics.class.getRecordComponents()));
    }

    @Test
    void aFigureTheFileLacksIsMissing() throws Exception {
        Path file = Files.writeString(
                dir.resolve("m.json"),
                "{\"test\": {\"accuracy\": \"NaN\", \"perClass\":" + " [{\"label\": 3, \"recall\": 0.5}]}}");
        MetricSource source = MetricSource.read(file);

        assertThat(source.value(Measure.of(Metric.ACCURACY)).getAsDouble()).isNaN();
        assertThat(source.value(Measure.of(Metric.LOSS))).isEmpty();
        assertThat(source.value(Measure.ofClass(Metric.CLASS_ACCURACY, 3))).hasValue(0.5);
        assertThat(source.value(Measure.ofClass(Metric.CLASS_PRECISION, 3))).isEmpty();
    }

    private static List<String> names(RecordComponent[] components) {
        return Arrays.stream(components).map(RecordComponent::getName).toList();
    }
}

package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Where rules read their figures: an {@link Evaluation} measured now, the {@link TestMetrics} of a model in
 * memory, or a {@code metrics.json} file. A figure the source does not have (class 12 of a 10-class model, a field
 * that an older file lacks) is empty, and a rule on it is violated.
 *
 * <pre>{@code
 * MetricSource live = MetricSource.of(Evaluator.evaluate(network, manager, testSet, 10, 1000));
 * MetricSource stored = MetricSource.read(Path.of("src/test/cnn/mnist-cnn.baseline.json"));
 * live.value(Measure.ofClass(Metric.CLASS_ACCURACY, 8)); // OptionalDouble[0.942]
 * }</pre>
 */
public interface MetricSource {

    /**
     * Returns a figure.
     *
     * @param measure the metric, and the class of a per-class metric
     * @return the value, or empty if this source does not have it
     */
    OptionalDouble value(Measure measure);

    /** Returns the number of classes, which rules on every class check one by one. */
    int classes();

    /**
     * Returns whether the figures were measured on at least one image of a class; a per-class rule on a class
     * without any image is violated, as its figures mean nothing. A source that does not know says {@code true}.
     *
     * <pre>{@code
     * source.hasImagesOf(3);   // false when the test set holds no image labelled 3
     * }</pre>
     */
    default boolean hasImagesOf(int label) {
        return true;
    }

    /** Returns the figures of a live evaluation. */
    static MetricSource of(Evaluation evaluation) {
        return of(TestMetrics.of(evaluation));
    }

    /** Returns the figures of a test evaluation; {@code null} has no figures. */
    static MetricSource of(TestMetrics test) {
        return TestMetricsSource.of(test);
    }

    /** Returns the test figures of a model's metrics. */
    static MetricSource of(ModelMetrics metrics) {
        return of(metrics.test());
    }

    /**
     * Reads the test figures of a {@code metrics.json} file as written by the trainer or by {@link BaselineWriter};
     * fields the file lacks are missing figures, not zeros.
     *
     * @param file the file
     * @return its figures
     * @throws IOException if the file cannot be read or is not JSON
     */
    static MetricSource read(Path file) throws IOException {
        return TestMetricsSource.read(file);
    }
}

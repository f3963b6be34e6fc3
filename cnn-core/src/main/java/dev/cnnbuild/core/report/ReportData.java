package dev.cnnbuild.core.report;

import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.rules.GateResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link HtmlReport} shows about one model. The caller fills it: the stored metrics, the test figures
 * (the stored ones, or a fresh {@code TestMetrics.of(evaluation)}), the misclassified images, and the quality
 * gate's result if rules were checked.
 *
 * <pre>{@code
 * ReportData data = new ReportData(model.metrics(), TestMetrics.of(evaluation),
 *         Misclassified.collect(test, predictions, 36), gateResult, Instant.now());
 * }</pre>
 *
 * @param metrics the model's {@code metrics.json}: name, history, versions, durations
 * @param test the test figures shown: accuracy, confusion matrix, per-class figures
 * @param misclassified the test images to show, at most a few dozen; copied
 * @param gate the quality gate's result; {@code null} if no rules were checked
 * @param generated when the report was made
 */
public record ReportData(
        ModelMetrics metrics, TestMetrics test, List<Misclassified> misclassified, GateResult gate, Instant generated) {

    /** Checks that the required parts are there and copies the images list. */
    public ReportData {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(generated, "generated");
        misclassified = List.copyOf(misclassified);
    }
}

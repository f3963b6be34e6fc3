package dev.cnnbuild.core.report;

import dev.cnnbuild.core.metrics.EpochMetrics;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Loss and accuracy per epoch, train, validation (when the model held a validation split out) and test (when the
 * test set was measured after every epoch), as two line charts, and the learning rate of each epoch's last step as a
 * third (when the history records it), with the figures in a table beneath, folded away
 * ({@code <details>}) so that a long training does not push the rest of the report down; a test cell of an epoch
 * after which the test set was not measured shows a dash.
 */
final class LearningCurves {

    private LearningCurves() {}

    /** Returns the charts and the table, or a sentence if there is no history. */
    static String html(List<EpochMetrics> history) {
        if (history == null || history.isEmpty()) {
            return "<p class=\"empty\">No training history was recorded.</p>\n";
        }
        boolean validated = history.stream().allMatch(EpochMetrics::hasValidation);
        boolean tested = history.stream().allMatch(EpochMetrics::hasTest);
        LineChart loss = new LineChart(
                "Loss",
                "cross-entropy",
                true,
                series(
                        history,
                        validated,
                        tested,
                        EpochMetrics::trainLoss,
                        EpochMetrics::validationLoss,
                        EpochMetrics::testLoss));
        LineChart accuracy = new LineChart(
                "Accuracy",
                "accuracy",
                false,
                series(
                        history,
                        validated,
                        tested,
                        EpochMetrics::trainAccuracy,
                        EpochMetrics::validationAccuracy,
                        EpochMetrics::testAccuracy));
        boolean rated = history.stream().allMatch(e -> e.learningRate() != null);
        StringBuilder html =
                new StringBuilder("<div class=\"charts\">\n").append(loss.svg()).append(accuracy.svg());
        if (rated) {
            html.append(new LineChart(
                            "Learning rate",
                            "learning rate",
                            true,
                            List.of(new LineChart.Series(
                                    "learning rate", "train", values(history, EpochMetrics::learningRate))))
                    .svg());
        }
        html.append("</div>\n<details class=\"history\"><summary>Figures of each epoch (")
                .append(history.size())
                .append(history.size() == 1 ? " epoch" : " epochs")
                .append(")</summary>\n<table class=\"history\">\n<thead><tr><th>epoch</th><th>train loss</th>"
                        + "<th>train accuracy</th><th>test loss</th><th>test accuracy</th><th>seconds</th>"
                        + "<th>images/s</th>")
                .append(rated ? "<th>learning rate</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        for (EpochMetrics e : history) {
            html.append("<tr><td>")
                    .append(e.epoch())
                    .append("</td><td>")
                    .append(Html.fixed(e.trainLoss(), 4))
                    .append("</td><td>")
                    .append(Html.fixed(e.trainAccuracy(), 4))
                    .append("</td><td>")
                    .append(orDash(e.testLoss()))
                    .append("</td><td>")
                    .append(orDash(e.testAccuracy()))
                    .append("</td><td>")
                    .append(Html.fixed(e.trainSeconds(), 1))
                    .append("</td><td>")
                    .append(Html.count(Math.round(e.imagesPerSecond())));
            if (rated) {
                html.append("</td><td>").append(rate(e.learningRate()));
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</details>\n").toString();
    }

    /** A learning rate with four significant digits, such as {@code 0.0009755} or {@code 2.500e-08}. */
    private static String rate(double rate) {
        return rate != 0 && Math.abs(rate) < 1e-4
                ? String.format(Locale.ROOT, "%.3e", rate)
                : new BigDecimal(rate)
                        .round(new MathContext(4))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static String orDash(Double figure) {
        return figure == null ? "&ndash;" : Html.fixed(figure, 4);
    }

    private static List<LineChart.Series> series(
            List<EpochMetrics> history,
            boolean validated,
            boolean tested,
            ToDoubleFunction<EpochMetrics> train,
            ToDoubleFunction<EpochMetrics> validation,
            ToDoubleFunction<EpochMetrics> test) {
        List<LineChart.Series> series = new ArrayList<>();
        series.add(new LineChart.Series("train", "train", values(history, train)));
        if (validated) {
            series.add(new LineChart.Series("validation", "validation", values(history, validation)));
        }
        if (tested) {
            series.add(new LineChart.Series("test", "test", values(history, test)));
        }
        return series;
    }

    private static double[] values(List<EpochMetrics> history, ToDoubleFunction<EpochMetrics> figure) {
        return history.stream().mapToDouble(figure).toArray();
    }
}

package dev.cnnbuild.core.report;

import dev.cnnbuild.core.training.EpochMetrics;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Loss and accuracy per epoch, train and test, as two line charts, with the figures in a table beneath. */
final class LearningCurves {

    private LearningCurves() {
    }

    /** Returns the charts and the table, or a sentence if there is no history. */
    static String html(List<EpochMetrics> history) {
        if (history == null || history.isEmpty()) {
            return "<p class=\"empty\">No training history was recorded.</p>\n";
        }
        LineChart loss = new LineChart("Loss", "cross-entropy", true, List.of(
                new LineChart.Series("train", "train", values(history, EpochMetrics::trainLoss)),
                new LineChart.Series("test", "test", values(history, EpochMetrics::testLoss))));
        LineChart accuracy = new LineChart("Accuracy", "accuracy", false, List.of(
                new LineChart.Series("train", "train", values(history, EpochMetrics::trainAccuracy)),
                new LineChart.Series("test", "test", values(history, EpochMetrics::testAccuracy))));
        StringBuilder html = new StringBuilder("<div class=\"charts\">\n").append(loss.svg()).append(accuracy.svg())
                .append("</div>\n<table class=\"history\">\n<thead><tr><th>epoch</th><th>train loss</th>"
                        + "<th>train accuracy</th><th>test loss</th><th>test accuracy</th><th>seconds</th>"
                        + "<th>images/s</th></tr></thead>\n<tbody>\n");
        for (EpochMetrics e : history) {
            html.append("<tr><td>").append(e.epoch()).append("</td><td>").append(Html.fixed(e.trainLoss(), 4))
                    .append("</td><td>").append(Html.fixed(e.trainAccuracy(), 4)).append("</td><td>")
                    .append(Html.fixed(e.testLoss(), 4)).append("</td><td>").append(Html.fixed(e.testAccuracy(), 4))
                    .append("</td><td>").append(Html.fixed(e.trainSeconds(), 1)).append("</td><td>")
                    .append(Html.count(Math.round(e.imagesPerSecond()))).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static double[] values(List<EpochMetrics> history, ToDoubleFunction<EpochMetrics> figure) {
        return history.stream().mapToDouble(figure).toArray();
    }
}

package dev.cnnbuild.core.report;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.metrics.TestMetrics;
import java.util.List;

/**
 * The misclassified test images as a grid of inline PNGs, each captioned with its classes and confidence. Images are
 * scaled up by a whole factor to about 84 pixels (3x for MNIST's 28), never down.
 */
final class MisclassifiedGrid {
    private static final int TARGET_PIXELS = 84;

    private MisclassifiedGrid() {}

    /** Returns the grid, or a sentence saying why there is none. */
    static String html(List<Misclassified> mistakes, TestMetrics test, ClassNames names) {
        long wrong = test.count() - test.correct();
        if (mistakes.isEmpty()) {
            return wrong == 0
                    ? "<p class=\"empty\">Every test image was classified correctly.</p>\n"
                    : "<p class=\"empty\">No misclassified images were collected.</p>\n";
        }
        StringBuilder html = new StringBuilder("<p class=\"note\">The ")
                .append(Html.count(mistakes.size()))
                .append(" most confident of ")
                .append(Html.count(wrong))
                .append(" mistakes on ")
                .append(Html.count(test.count()))
                .append(" test images: true class &#8594; <b>predicted class</b>, confidence, ")
                .append(
                        mistakes.get(0).fileName().isPresent()
                                ? "file (relative to the data folder)"
                                : "position in the test set")
                .append(".</p>\n")
                .append("<div class=\"mistakes\">\n");
        for (Misclassified m : mistakes) {
            int scale = Math.max(1, (int) Math.ceil((double) TARGET_PIXELS
                    / Math.max(m.image().height(), m.image().width())));
            html.append("<figure class=\"mistake\"><img src=\"")
                    .append(PngDataUri.of(m.image(), 0, scale))
                    .append("\" width=\"")
                    .append(m.image().width() * scale)
                    .append("\" height=\"")
                    .append(m.image().height() * scale)
                    .append("\" alt=\"test image ")
                    .append(Html.escape(m.caption()))
                    .append(": true ")
                    .append(Html.escape(names.name(m.trueLabel())))
                    .append(", predicted ")
                    .append(Html.escape(names.name(m.predictedLabel())))
                    .append("\"><figcaption><span class=\"labels\">")
                    .append(Html.escape(names.name(m.trueLabel())))
                    .append(" &#8594; <b>")
                    .append(Html.escape(names.name(m.predictedLabel())))
                    .append("</b></span> <span class=\"confidence\">")
                    .append(Html.percent(m.confidence(), 1))
                    .append("</span><span class=\"index\">")
                    .append(Html.escape(m.caption()))
                    .append("</span></figcaption></figure>\n");
        }
        return html.append("</div>\n").toString();
    }
}

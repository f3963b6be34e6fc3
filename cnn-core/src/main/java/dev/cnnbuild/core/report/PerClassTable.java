package dev.cnnbuild.core.report;

import dev.cnnbuild.core.model.ClassMetrics;
import java.util.List;

/** The per-class figures as a table, one row per class, each figure with a bar behind it. */
final class PerClassTable {

    private PerClassTable() {
    }

    /** Returns the table. */
    static String html(List<ClassMetrics> perClass) {
        StringBuilder html = new StringBuilder("<table class=\"per-class\">\n<thead><tr><th>class</th>"
                + "<th>support</th><th>accuracy</th><th>precision</th><th>recall</th><th>F1</th></tr></thead>\n"
                + "<tbody>\n");
        for (ClassMetrics c : perClass) {
            html.append("<tr class=\"class-row\"><th scope=\"row\">").append(c.label()).append("</th><td>")
                    .append(Html.count(c.support())).append("</td>").append(figure(c.accuracy()))
                    .append(figure(c.precision())).append(figure(c.recall())).append(figure(c.f1()))
                    .append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String figure(double value) {
        double width = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) * 100 : 0;
        return "<td class=\"figure\" style=\"--bar:" + Html.fixed(width, 1) + "%\">" + Html.fixed(value, 4)
                + "</td>";
    }
}

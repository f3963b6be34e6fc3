package dev.cnnbuild.core.report;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.metrics.ClassMetrics;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The per-class figures as a table, one row per class; the lowest value of each figure is marked. A class's accuracy
 * is its recall, so one column shows that figure under both names.
 */
final class PerClassTable {
    private static final List<ToDoubleFunction<ClassMetrics>> FIGURES =
            List.of(ClassMetrics::recall, ClassMetrics::precision, ClassMetrics::f1);

    private PerClassTable() {}

    /** Returns the table. */
    static String html(List<ClassMetrics> perClass, ClassNames names) {
        double[] lowest = new double[FIGURES.size()];
        for (int f = 0; f < FIGURES.size(); f++) {
            lowest[f] = perClass.stream().mapToDouble(FIGURES.get(f)).min().orElse(Double.NaN);
        }
        StringBuilder html = new StringBuilder("<p class=\"note\">The lowest value of each figure is marked.</p>\n"
                + "<table class=\"per-class\">\n<thead><tr><th>class</th><th>support</th><th>accuracy"
                + " (recall)</th><th>precision</th><th>F1</th></tr></thead>\n<tbody>\n");
        for (ClassMetrics c : perClass) {
            html.append("<tr class=\"class-row\"><th scope=\"row\">")
                    .append(Html.escape(names.name(c.label())))
                    .append("</th><td>")
                    .append(Html.count(c.support()))
                    .append("</td>");
            for (int f = 0; f < FIGURES.size(); f++) {
                double value = FIGURES.get(f).applyAsDouble(c);
                html.append(value == lowest[f] && perClass.size() > 1 ? "<td class=\"lowest\">" : "<td>")
                        .append(Html.fixed(value, 4))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}

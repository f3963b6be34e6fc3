package dev.cnnbuild.core.report;

import dev.cnnbuild.core.evaluation.ClassNames;

/**
 * The confusion matrix as an HTML table shaded like a heat map: rows are true classes, columns predicted ones,
 * each cell shows its count and is shaded by its share of the row, blue on the diagonal (right), red off it
 * (wrong). Off-diagonal shares are shaded by their square root, so that rare confusions still show.
 */
final class ConfusionMatrixTable {

    private ConfusionMatrixTable() {}

    /** Returns the table for a {@code classes x classes} matrix. */
    static String html(long[][] confusion, ClassNames names) {
        StringBuilder html = new StringBuilder(
                "<table class=\"matrix\">\n<thead><tr><th class=\"corner\">true \\" + " predicted</th>");
        for (int c = 0; c < confusion.length; c++) {
            html.append("<th scope=\"col\">").append(Html.escape(names.name(c))).append("</th>");
        }
        html.append("<th scope=\"col\" class=\"total\">total</th></tr></thead>\n<tbody>\n");
        for (int t = 0; t < confusion.length; t++) {
            long total = 0;
            for (long n : confusion[t]) {
                total += n;
            }
            html.append("<tr><th scope=\"row\">")
                    .append(Html.escape(names.name(t)))
                    .append("</th>");
            for (int p = 0; p < confusion[t].length; p++) {
                html.append(
                        cell(Html.escape(names.name(t)), Html.escape(names.name(p)), t == p, confusion[t][p], total));
            }
            html.append("<td class=\"total\">").append(Html.count(total)).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(String trueClass, String predicted, boolean diagonal, long count, long total) {
        double share = total == 0 ? 0 : (double) count / total;
        double strength = diagonal ? share : Math.sqrt(share);
        String rgb = diagonal ? "37,99,235" : "220,38,38";
        String classes =
                "cell" + (diagonal ? " diag" : "") + (count == 0 ? " zero" : "") + (strength > 0.55 ? " dark" : "");
        String style = count == 0 ? "" : " style=\"background:rgba(" + rgb + "," + Html.fixed(strength, 3) + ")\"";
        return "<td class=\"" + classes + "\"" + style + " title=\"true " + trueClass + ", predicted " + predicted
                + ": " + Html.count(count) + " (" + Html.percent(share, 1) + " of class " + trueClass + ")\">"
                + Html.count(count) + "</td>";
    }
}

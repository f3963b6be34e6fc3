package dev.cnnbuild.core.report;

import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.metrics.ToolVersions;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.text.Counted;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The top of the report: the model's name, headline figures as cards, and how and with what it was trained. */
final class ReportHeader {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportHeader() {}

    /** Returns the {@code <header>} element. */
    static String html(ReportData data) {
        ModelMetrics metrics = data.metrics();
        TestMetrics test = data.test();
        StringBuilder html = new StringBuilder("<header id=\"summary\">\n<h1>")
                .append(Html.escape(metrics.name()))
                .append("</h1>\n<p class=\"subtitle\">Trained from <code>")
                .append(Html.escape(metrics.source()))
                .append("</code> &#183; report generated ")
                .append(DATE.format(data.generated()))
                .append("</p>\n<div class=\"cards\">\n");
        card(
                html,
                "test accuracy",
                Html.percent(test.accuracy(), 2),
                Html.count(test.correct()) + " of " + Html.count(test.count()) + " images",
                "");
        card(html, "test loss", Html.fixed(test.loss(), 4), "mean cross-entropy", "");
        card(
                html,
                "macro F1",
                Html.fixed(test.macroF1(), 4),
                "precision " + Html.fixed(test.macroPrecision(), 4) + ", recall " + Html.fixed(test.macroRecall(), 4),
                "");
        gateCard(html, data.gate());
        html.append("</div>\n<dl class=\"facts\">\n");
        fact(html, "trained on", metrics.device());
        fact(html, "seed", Long.toString(metrics.seed()));
        fact(html, "parameters", Html.count(metrics.parameterCount()));
        fact(
                html,
                "epochs",
                Integer.toString(
                        metrics.history() == null ? 0 : metrics.history().size()));
        fact(html, "training time", Html.seconds(metrics.trainSeconds()));
        fact(html, "total time", Html.seconds(metrics.totalSeconds()));
        if (metrics.augmentation() != null && !metrics.augmentation().isEmpty()) {
            fact(html, "augmentation", String.join(", ", metrics.augmentation()));
        }
        ToolVersions versions = metrics.versions();
        if (versions != null) {
            fact(html, "cnnbuild", versions.cnnbuild());
            fact(html, "DJL", versions.djl());
            fact(html, "PyTorch", versions.pytorch());
        }
        return html.append("</dl>\n</header>\n").toString();
    }

    private static void gateCard(StringBuilder html, GateResult gate) {
        if (gate == null || !gate.hasRules()) {
            card(html, "quality gate", "no rules", "none configured", "");
        } else if (gate.passed()) {
            card(
                    html,
                    "quality gate",
                    "passed",
                    Html.count(gate.passes().size()) + " "
                            + Counted.noun(gate.passes().size(), "check", "checks") + " passed"
                            + (gate.skipped().isEmpty()
                                    ? ""
                                    : ", " + Html.count(gate.skipped().size()) + " skipped"),
                    "pass");
        } else {
            card(
                    html,
                    "quality gate",
                    "failed",
                    Html.count(gate.violations().size()) + " of "
                            + Html.count(gate.outcomes().size()) + " "
                            + Counted.noun(gate.outcomes().size(), "check", "checks") + " violated",
                    "fail");
        }
    }

    private static void card(StringBuilder html, String title, String value, String detail, String state) {
        html.append("<div class=\"card")
                .append(state.isEmpty() ? "" : " " + state)
                .append("\"><div class=\"label\">")
                .append(Html.escape(title))
                .append("</div><div class=\"value\">")
                .append(Html.escape(value))
                .append("</div><div class=\"detail\">")
                .append(Html.escape(detail))
                .append("</div></div>\n");
    }

    private static void fact(StringBuilder html, String term, String value) {
        html.append("<div><dt>")
                .append(Html.escape(term))
                .append("</dt><dd>")
                .append(Html.escape(value == null ? "unknown" : value))
                .append("</dd></div>\n");
    }
}

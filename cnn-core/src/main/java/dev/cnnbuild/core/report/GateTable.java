package dev.cnnbuild.core.report;

import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.RuleOutcome;
import java.util.Locale;
import java.util.OptionalDouble;

/** The quality gate's outcomes as a table: status, check, value, limit, baseline value and message. */
final class GateTable {

    private GateTable() {}

    /** Returns the section's content; {@code null} or a gate without rules says that no rules are configured. */
    static String html(GateResult gate) {
        if (gate == null || !gate.hasRules()) {
            return "<p class=\"empty\">No rules configured.</p>\n";
        }
        StringBuilder html = new StringBuilder("<p class=\"note\">")
                .append(Html.count(gate.outcomes().size()))
                .append(" checks: ")
                .append(Html.count(gate.passes().size()))
                .append(" passed, ")
                .append(Html.count(gate.violations().size()))
                .append(" violated, ")
                .append(Html.count(gate.skipped().size()))
                .append(" skipped. ");
        String baseline = gate.baselineNote()
                .map(note -> capitalised(note) + ".")
                .orElse(
                        gate.baseline().isPresent()
                                ? "Compared with " + gate.baseline().describe() + "."
                                : "");
        html.append(Html.escape(baseline)).append("</p>\n");
        html.append("<table class=\"outcomes\">\n<thead><tr><th>status</th><th>check</th><th class=\"num\">value"
                + "</th><th class=\"num\">limit</th><th class=\"num\">baseline</th><th>message</th></tr></thead>\n"
                + "<tbody>\n");
        for (RuleOutcome outcome : gate.outcomes()) {
            String status = outcome.status().name().toLowerCase(Locale.ROOT);
            html.append("<tr class=\"outcome ")
                    .append(status)
                    .append("\"><td><span class=\"badge ")
                    .append(status)
                    .append("\">")
                    .append(status)
                    .append("</span></td><td>")
                    .append(Html.escape(outcome.name()))
                    .append("</td><td class=\"num\">")
                    .append(figure(outcome.value()))
                    .append("</td><td class=\"num\">")
                    .append(Html.escape(outcome.limit().format(outcome.limitValue())))
                    .append("</td><td class=\"num\">")
                    .append(figure(outcome.baselineValue()))
                    .append("</td><td>")
                    .append(Html.escape(outcome.message()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String figure(OptionalDouble value) {
        return value.isPresent() ? Html.fixed(value.getAsDouble(), 4) : "&#8212;";
    }
}

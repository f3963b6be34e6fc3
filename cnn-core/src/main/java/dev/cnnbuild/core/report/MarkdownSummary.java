package dev.cnnbuild.core.report;

import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.RuleOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The quality gate in a few lines of Markdown, for a CI server's job summary (GitHub Actions shows a file appended to
 * {@code $GITHUB_STEP_SUMMARY}): a table with one row per model (its measured figures and the count of rules that
 * passed, were violated or skipped), then per model a table of its rule outcomes.
 *
 * <pre>{@code
 * MarkdownSummary.write(List.of(new MarkdownSummary.Entry("mnist-cnn", "cpu()", measured, gate)),
 *         Path.of("target/cnn-reports", MarkdownSummary.FILE_NAME));
 * }</pre>
 * <pre>
 * ### cnn:check: quality gate passed
 *
 * | model | test accuracy | test loss | macro F1 | test images | evaluated on | rules |
 * |---|---:|---:|---:|---:|---|---|
 * | mnist-cnn | 0.9892 | 0.0339 | 0.9891 | 10,000 | cpu() | ✅ 15 passed, 0 violated, 0 skipped |
 * </pre>
 */
public final class MarkdownSummary {
    /** The summary's file name in the reports folder of {@code cnn:check}. */
    public static final String FILE_NAME = "cnn-summary.md";

    /**
     * One checked model.
     *
     * @param model the model's name
     * @param evaluatedOn the device that measured it, such as {@code cpu()}
     * @param measured its figures on its test set
     * @param gate the rules' outcomes
     */
    public record Entry(String model, String evaluatedOn, TestMetrics measured, GateResult gate) {}

    private MarkdownSummary() {}

    /**
     * Writes the summary, UTF-8, whole or not at all.
     *
     * @param entries the checked models, in order
     * @param file where to write it
     * @throws IOException if it cannot be written
     */
    public static void write(List<Entry> entries, Path file) throws IOException {
        AtomicFiles.writeString(file, text(entries));
    }

    /** Returns the summary's text. */
    public static String text(List<Entry> entries) {
        boolean passed = entries.stream().allMatch(entry -> entry.gate().passed());
        StringBuilder md = new StringBuilder("### cnn:check: quality gate ")
                .append(passed ? "passed" : "failed")
                .append("\n\n| model | test accuracy | test loss | macro F1 | test images | evaluated on | rules |\n")
                .append("|---|---:|---:|---:|---:|---|---|\n");
        for (Entry entry : entries) {
            TestMetrics measured = entry.measured();
            GateResult gate = entry.gate();
            md.append("| ")
                    .append(cell(entry.model()))
                    .append(" | ")
                    .append(FigureText.value(measured.accuracy()))
                    .append(" | ")
                    .append(FigureText.value(measured.loss()))
                    .append(" | ")
                    .append(FigureText.value(measured.macroF1()))
                    .append(" | ")
                    .append(FigureText.count(measured.count()))
                    .append(" | ")
                    .append(cell(entry.evaluatedOn()))
                    .append(" | ")
                    .append(
                            !gate.hasRules()
                                    ? "no rules"
                                    : (gate.passed() ? "✅ " : "❌ ")
                                            + gate.passes().size() + " passed, "
                                            + gate.violations().size() + " violated, "
                                            + gate.skipped().size() + " skipped")
                    .append(" |\n");
        }
        for (Entry entry : entries) {
            if (entry.gate().hasRules()) {
                md.append("\n#### ")
                        .append(entry.model())
                        .append("\n\n| rule | measured | outcome |\n|---|---:|---|\n");
                for (RuleOutcome outcome : entry.gate().outcomes()) {
                    md.append("| ")
                            .append(cell(outcome.name()))
                            .append(" | ")
                            .append(
                                    outcome.value().isPresent()
                                            ? FigureText.value(outcome.value().getAsDouble())
                                            : "–")
                            .append(" | ")
                            .append(status(outcome))
                            .append(" |\n");
                }
            }
            entry.gate()
                    .baselineNote()
                    .ifPresent(note -> md.append("\n").append(cell(note)).append('\n'));
        }
        return md.toString();
    }

    private static String status(RuleOutcome outcome) {
        return switch (outcome.status()) {
            case PASSED -> "✅ passed";
            case SKIPPED -> "⏭️ skipped";
            case VIOLATED -> "❌ " + cell(outcome.message());
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }
}

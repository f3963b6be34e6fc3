package dev.cnnbuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.rules.Baseline;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.MetricSource;
import dev.cnnbuild.core.rules.QualityGate;
import dev.cnnbuild.core.rules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary of a gate that failed: the model's row says so, and each violation's message is in its row. */
class MarkdownSummaryTest {

    @Test
    void aViolationIsShownWithItsMessage() throws Exception {
        Evaluation evaluation = new Evaluation(new long[][] {{90, 10}, {5, 95}}, 40.0);
        GateResult gate = new QualityGate(List.of(
                        Rule.builder("accuracy").minimum("0.95").build(),
                        Rule.builder("loss").maximum("0.5").build()))
                .check("two|classes", MetricSource.of(evaluation), Baseline.none());

        String text = MarkdownSummary.text(
                List.of(new MarkdownSummary.Entry("two|classes", "cpu()", TestMetrics.of(evaluation), gate)));

        assertThat(text)
                .isEqualTo("### cnn:check: quality gate failed\n\n"
                        + "| model | test accuracy | test loss | macro F1 | test images | evaluated on | rules |\n"
                        + "|---|---:|---:|---:|---:|---|---|\n"
                        + "| two\\|classes | 0.9250 | 0.2000 | 0.9250 | 200 | cpu() | ❌ 1 passed, 1 violated, 0 skipped |\n\n"
                        + "#### two|classes\n\n| rule | measured | outcome |\n|---|---:|---|\n"
                        + "| test accuracy minimum 0.95 | 0.9250 | ❌ two\\|classes: test accuracy is 0.9250, but expected"
                        + " minimum is 0.95 |\n"
                        + "| test loss maximum 0.5 | 0.2000 | ✅ passed |\n");
    }
}

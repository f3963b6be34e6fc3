package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.rules.RuleOutcome;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate measures a trained model, checks the rules and its baseline, and writes JUnit XML and the report. */
class CheckServiceTest {
    @TempDir
    static Path dir;

    private static Path output;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        output = dir.resolve("cnn");
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        TinyDataset.train(yaml, output);
    }

    @Test
    void passingRulesPassAndWriteJUnitXmlAndReport() throws Exception {
        Path reports = dir.resolve("reports-pass");
        CheckRequest request = new CheckRequest(
                output,
                Path.of(""),
                Optional.empty(),
                Optional.of(reports),
                List.of(rule("metric=accuracy,minimum=90%"), rule("metric=loss,maximum=1.0")),
                List.of(),
                "auto");

        List<ModelCheck> checks = new CheckService().check(request);

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.modelName()).isEqualTo("tiny");
            assertThat(check.evaluatedOn()).isEqualTo("cpu()");
            assertThat(check.trainedOn()).isEqualTo("cpu()");
            assertThat(check.measured().count()).isEqualTo(128);
            assertThat(check.measured().accuracy()).isGreaterThanOrEqualTo(0.9);
            assertThat(check.gate().passed()).isTrue();
            assertThat(check.gate().outcomes())
                    .extracting(RuleOutcome::message)
                    .anyMatch(m ->
                            m.matches("tiny: test accuracy is (0\\.9\\d{3}|1\\.0000)," + " expected minimum is 0\\.9"));
            assertThat(check.report()).isEqualTo(output.resolve("tiny/report.html"));
        });
        assertThat(reports.resolve("TEST-cnn.check.tiny.xml")).content().contains("tests=\"2\"", "failures=\"0\"");
        TestMetrics measured = checks.get(0).measured();
        assertThat(reports.resolve("cnn-summary.md"))
                .content()
                .isEqualTo("### cnn:check: quality gate passed\n\n"
                        + "| model | test accuracy | test loss | macro F1 | test images | evaluated on | rules |\n"
                        + "|---|---:|---:|---:|---:|---|---|\n"
                        + "| tiny | " + FigureText.value(measured.accuracy()) + " | "
                        + FigureText.value(measured.loss())
                        + " | "
                        + FigureText.value(measured.macroF1())
                        + " | 128 | cpu() | ✅ 2 passed, 0 violated, 0 skipped |\n\n"
                        + "#### tiny\n\n| rule | measured | outcome |\n|---|---:|---|\n"
                        + "| test accuracy minimum 0.9 | " + FigureText.value(measured.accuracy()) + " | ✅ passed |\n"
                        + "| test loss maximum 1 | " + FigureText.value(measured.loss()) + " | ✅ passed |\n");
        assertThat(output.resolve("tiny/report.html")).content().contains("id=\"rules\"", "expected minimum is 0.9");
    }

    @Test
    void aGpuThatIsNotHereIsBadInput() {
        CheckRequest request =
                new CheckRequest(output, Path.of(""), Optional.empty(), Optional.empty(), List.of(), List.of(), "gpu");

        assertThatThrownBy(() -> new CheckService().check(request))
                .isInstanceOf(RuleException.class)
                .hasMessage("evaluation device 'gpu' was asked for, but the PyTorch engine sees no usable CUDA GPU;"
                        + " use -Dcnn.device=auto or cpu");
    }

    @Test
    void violatedRuleFailsTheGateWithTheLimitAsWritten() throws Exception {
        ModelCheck check = new CheckService()
                .check(CheckRequest.of(output, List.of(rule("metric=loss,maximum=0.00001"))))
                .get(0);

        assertThat(check.gate().passed()).isFalse();
        assertThat(check.gate().outcomes())
                .singleElement()
                .extracting(RuleOutcome::message)
                .asString()
                .matches("tiny: test loss is 0\\.\\d{4}, but expected maximum is 0\\.00001");
    }

    @Test
    void changeRulesAreSkippedWithoutBaselineAndCheckedWithIt() throws Exception {
        Path baselines = Files.createDirectories(dir.resolve("baselines"));
        CheckRequest request = new CheckRequest(
                output,
                Path.of(""),
                Optional.of(baselines),
                Optional.empty(),
                List.of(rule("metric=accuracy,absoluteTolerance=0.01")),
                List.of("tiny"),
                "auto");

        ModelCheck skipped = new CheckService().check(request).get(0);
        assertThat(skipped.gate().passed()).isTrue();
        assertThat(skipped.gate().baselineNote())
                .hasValue("no baseline at " + baselines.resolve("tiny.metrics.json") + "; change rules skipped");

        Files.writeString(baselines.resolve("tiny.metrics.json"), "{\"test\": {\"accuracy\": 1.5}}");
        ModelCheck checked = new CheckService().check(request).get(0);
        assertThat(checked.gate().passed()).isFalse();
        assertThat(checked.gate().outcomes())
                .singleElement()
                .extracting(RuleOutcome::message)
                .asString()
                .containsPattern("tiny: test accuracy is \\d\\.\\d{4}, \\d\\.\\d{4} \\(\\d+\\.\\d{2}%\\) worse than"
                        + " the baseline 1\\.5000; at most 0\\.01 is allowed");
    }

    @Test
    void noTrainedModelIsAnError() {
        assertThatThrownBy(() -> new CheckService().check(CheckRequest.of(dir.resolve("empty"), List.of())))
                .isInstanceOf(RuleException.class)
                .hasMessage("no trained model under " + dir.resolve("empty") + "; run cnn:train first");
    }

    private static Rule rule(String argument) throws RuleException {
        Rule.Builder rule = Rule.builder(argument.substring("metric=".length(), argument.indexOf(',')));
        String limit = argument.substring(argument.indexOf(',') + 1);
        String value = limit.substring(limit.indexOf('=') + 1);
        return switch (limit.substring(0, limit.indexOf('='))) {
            case "minimum" -> rule.minimum(value).build();
            case "maximum" -> rule.maximum(value).build();
            default -> rule.absoluteTolerance(value).build();
        };
    }
}

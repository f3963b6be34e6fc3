package dev.cnnbuild.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.ClassMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityGateTest {
    private static final MetricSource CANDIDATE = MetricSource.of(SampleMetrics.test(0.9712, 0.0812, 0.942));
    private static final Baseline BASELINE =
            Baseline.of(Path.of("baseline.json"), MetricSource.of(SampleMetrics.test(0.9866, 0.0712, 0.99)));

    @Test
    void violatedLimitsReadLikeJaCoCo() throws Exception {
        GateResult result = check(
                BASELINE,
                Rule.builder("accuracy").minimum("0.98").build(),
                Rule.builder("loss").maximum("0.05").build(),
                Rule.builder("classAccuracy").label("8").minimum("95%").build());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "mnist-cnn: test accuracy is 0.9712, but expected minimum is 0.98",
                        "mnist-cnn: test loss is 0.0812, but expected maximum is 0.05",
                        "mnist-cnn: accuracy of class 8 is 0.9420, but expected minimum is 0.95");
        RuleOutcome first = result.outcomes().get(0);
        assertThat(first.name()).isEqualTo("test accuracy minimum 0.98");
        assertThat(first.subject()).isEqualTo("test accuracy");
        assertThat(first.value()).hasValue(0.9712);
        assertThat(first.limit()).isEqualTo(Limit.MINIMUM);
        assertThat(first.limitValue()).isEqualTo(0.98);
        assertThat(first.baselineValue()).isEmpty();
    }

    @Test
    void heldLimitsPassWithTheSameWording() throws Exception {
        GateResult result = check(
                BASELINE,
                Rule.builder("accuracy").minimum("0.97").build(),
                Rule.builder("loss").maximum("0.09").build(),
                Rule.builder("macroF1").minimum("0.965").maximum("0.965").build());

        assertThat(result.passed()).isTrue();
        assertThat(result.outcomes())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "mnist-cnn: test accuracy is 0.9712, expected minimum is 0.97",
                        "mnist-cnn: test loss is 0.0812, expected maximum is 0.09",
                        "mnist-cnn: test macro F1 is 0.9650, expected minimum is 0.965",
                        "mnist-cnn: test macro F1 is 0.9650, expected maximum is 0.965");
    }

    @Test
    void ruleOnEveryClassChecksEachClassAndReportsEachFailure() throws Exception {
        GateResult result =
                check(BASELINE, Rule.builder("classAccuracy").minimum("0.95").build());

        assertThat(result.outcomes()).hasSize(10);
        assertThat(result.violations())
                .extracting(RuleOutcome::name)
                .containsExactly("accuracy of class 8 minimum 0.95");
        assertThat(result.passes()).hasSize(9);
    }

    @Test
    void perClassPrecisionRecallAndF1AreChecked() throws Exception {
        GateResult result = check(
                BASELINE,
                Rule.builder("classPrecision").label("8").minimum("0.95").build(),
                Rule.builder("classRecall").label("8").minimum("0.95").build(),
                Rule.builder("classF1").label("0").minimum("0.99").build());

        assertThat(result.outcomes())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "mnist-cnn: precision of class 8 is 0.9320, but expected minimum is 0.95",
                        "mnist-cnn: accuracy of class 8 is 0.9420, but expected minimum is 0.95",
                        "mnist-cnn: F1 of class 0 is 0.9850, but expected minimum is 0.99");
    }

    @Test
    void missingClassIsAViolationNotAPass() throws Exception {
        GateResult result = check(
                BASELINE,
                Rule.builder("classAccuracy").label("12").minimum("0.95").build());

        assertThat(result.violations())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "mnist-cnn: accuracy of class 12 is missing (the model has 10 classes), but expected minimum is"
                                + " 0.95");
        assertThat(result.violations().get(0).value()).isEmpty();
    }

    @Test
    void classWithoutTestImagesViolatesARuleOnIt() throws Exception {
        TestMetrics test = SampleMetrics.test(0.99, 0.05, 0.99);
        List<ClassMetrics> perClass = new ArrayList<>(test.perClass());
        perClass.set(3, new ClassMetrics(3, 0, 0, 0, 0));
        MetricSource noThrees = MetricSource.of(new TestMetrics(
                test.accuracy(),
                test.loss(),
                test.correct(),
                test.count(),
                test.macroPrecision(),
                test.macroRecall(),
                test.macroF1(),
                perClass,
                test.confusionMatrix()));

        GateResult result = new QualityGate(List.of(
                        Rule.builder("classRecall").label("3").maximum("1").build(),
                        Rule.builder("classAccuracy").minimum("0.5").build()))
                .check("m", noThrees, Baseline.none());

        assertThat(result.violations())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "m: accuracy of class 3 cannot be measured: the test set has no image of class 3, but expected maximum"
                                + " is 1; add images of class 3 to the test set",
                        "m: accuracy of class 3 cannot be measured: the test set has no image of class 3, but expected"
                                + " minimum is 0.5; add images of class 3 to the test set");
        assertThat(result.outcomes()).hasSize(11);
    }

    @Test
    void sourceWithoutFiguresViolatesEveryRule() throws Exception {
        MetricSource empty = MetricSource.of((TestMetrics) null);

        GateResult result = new QualityGate(List.of(
                        Rule.builder("accuracy").minimum("0.9").build(),
                        Rule.builder("classAccuracy").minimum("0.9").build()))
                .check("m", empty, Baseline.none());

        assertThat(result.outcomes())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "m: test accuracy is missing, but expected minimum is 0.9",
                        "m: accuracy of every class is missing (the model has no classes)");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void notANumberHoldsNoLimit() throws Exception {
        MetricSource diverged = MetricSource.of(SampleMetrics.test(0.1, Double.NaN, 0.1));

        GateResult result = new QualityGate(
                        List.of(Rule.builder("loss").minimum("0").maximum("5").build()))
                .check("m", diverged, Baseline.none());

        assertThat(result.outcomes())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "m: test loss is NaN, but expected minimum is 0",
                        "m: test loss is NaN, but expected maximum is 5");
    }

    @Test
    void liveEvaluationIsASource() throws Exception {
        Evaluation evaluation = new Evaluation(new long[][] {{8, 2}, {1, 9}}, 4.0);
        MetricSource live = MetricSource.of(evaluation);

        assertThat(live.classes()).isEqualTo(2);
        assertThat(live.value(Measure.of(Metric.ACCURACY))).hasValue(0.85);
        assertThat(live.value(Measure.of(Metric.LOSS))).hasValue(0.2);
        assertThat(live.value(Measure.of(Metric.MACRO_F1))).hasValue(evaluation.macroF1());
        assertThat(live.value(Measure.ofClass(Metric.CLASS_ACCURACY, 0))).hasValue(0.8);
        assertThat(live.value(Measure.ofClass(Metric.CLASS_PRECISION, 1))).hasValue(evaluation.precision(1));
        assertThat(live.value(Measure.ofClass(Metric.CLASS_F1, 2))).isEmpty();
    }

    @Test
    void absoluteToleranceFailsWhenTheMetricGotWorseByMore() throws Exception {
        GateResult result = check(
                BASELINE, Rule.builder("accuracy").absoluteTolerance("0.01").build());

        RuleOutcome outcome = result.outcomes().get(0);
        assertThat(outcome.violated()).isTrue();
        assertThat(outcome.message())
                .isEqualTo("mnist-cnn: test accuracy is 0.9712, 0.0154 (1.56%) worse than the"
                        + " baseline 0.9866; at most 0.01 is allowed");
        assertThat(outcome.name()).isEqualTo("test accuracy absoluteTolerance 0.01");
        assertThat(outcome.baselineValue()).hasValue(0.9866);
    }

    @Test
    void relativeToleranceIsAShareOfTheBaseline() throws Exception {
        GateResult result =
                check(BASELINE, Rule.builder("accuracy").relativeTolerance("2%").build());

        assertThat(result.outcomes().get(0).violated()).isFalse();
        assertThat(result.outcomes().get(0).message())
                .isEqualTo("mnist-cnn: test accuracy is 0.9712, 0.0154"
                        + " (1.56%) worse than the baseline 0.9866; at most 2% is allowed");
        assertThat(result.outcomes().get(0).name()).isEqualTo("test accuracy relativeTolerance 2%");
    }

    @Test
    void lossGetsWorseUpwards() throws Exception {
        GateResult result = check(
                BASELINE,
                Rule.builder("loss")
                        .absoluteTolerance("0.02")
                        .relativeTolerance("10%")
                        .build());

        assertThat(result.outcomes())
                .extracting(RuleOutcome::status)
                .containsExactly(RuleOutcome.Status.PASSED, RuleOutcome.Status.VIOLATED);
        assertThat(result.outcomes().get(1).message())
                .isEqualTo("mnist-cnn: test loss is 0.0812, 0.0100 (14.04%)"
                        + " worse than the baseline 0.0712; at most 10% is allowed");
    }

    @Test
    void improvementPasses() throws Exception {
        Baseline worse = Baseline.of(Path.of("b.json"), MetricSource.of(SampleMetrics.test(0.9708, 0.09, 0.9)));

        GateResult result = check(
                worse,
                Rule.builder("accuracy").absoluteTolerance("0").build(),
                Rule.builder("loss").relativeTolerance("0").build());

        assertThat(result.passed()).isTrue();
        assertThat(result.outcomes())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "mnist-cnn: test accuracy is 0.9712, 0.0004 (0.04%) better than the baseline 0.9708;"
                                + " at most 0 is allowed",
                        "mnist-cnn: test loss is 0.0812, 0.0088 (9.78%) better than the baseline 0.0900;"
                                + " at most 0% is allowed");
    }

    @Test
    void changeExactlyAtTheToleranceIsAllowed() throws Exception {
        Baseline base = Baseline.of(Path.of("b.json"), MetricSource.of(SampleMetrics.test(0.9812, 0.07, 0.9)));

        GateResult result =
                check(base, Rule.builder("accuracy").absoluteTolerance("0.01").build());

        assertThat(result.passed()).isTrue();
        assertThat(result.outcomes().get(0).message()).contains("0.0100 (1.02%) worse than the baseline 0.9812");
    }

    @Test
    void equalValuesAreSaidSo() throws Exception {
        Baseline same = Baseline.of(Path.of("b.json"), CANDIDATE);

        GateResult result =
                check(same, Rule.builder("accuracy").relativeTolerance("0").build());

        assertThat(result.outcomes().get(0).message())
                .isEqualTo(
                        "mnist-cnn: test accuracy is 0.9712, equal to the" + " baseline 0.9712; at most 0% is allowed");
    }

    @Test
    void anyWorseningIsInfinitelyRelativeToAZeroBaseline() throws Exception {
        Baseline zero = Baseline.of(Path.of("b.json"), MetricSource.of(SampleMetrics.test(0.5, 0.0, 0.5)));

        GateResult result =
                check(zero, Rule.builder("loss").relativeTolerance("1000%").build());

        assertThat(result.outcomes().get(0).violated()).isTrue();
        assertThat(result.outcomes().get(0).message())
                .isEqualTo("mnist-cnn: test loss is 0.0812, 0.0812 worse"
                        + " than the baseline 0.0000; at most 1000% is allowed");
    }

    @Test
    void withoutBaselineTolerancesAreSkippedAndLimitsStillChecked() throws Exception {
        Baseline absent = Baseline.load(Path.of("target/does-not-exist/metrics.json"));

        GateResult result = check(
                absent,
                Rule.builder("accuracy")
                        .minimum("0.98")
                        .absoluteTolerance("0.01")
                        .build());

        assertThat(result.outcomes())
                .extracting(RuleOutcome::status)
                .containsExactly(RuleOutcome.Status.VIOLATED, RuleOutcome.Status.SKIPPED);
        assertThat(result.skipped().get(0).message())
                .isEqualTo("mnist-cnn: test accuracy is not compared: no"
                        + " baseline at target/does-not-exist/metrics.json");
        assertThat(result.baselineNote())
                .hasValue("no baseline at target/does-not-exist/metrics.json; change rules skipped");
    }

    @Test
    void unconfiguredBaselineIsNamedSo() throws Exception {
        GateResult result = check(
                Baseline.none(),
                Rule.builder("accuracy").absoluteTolerance("0.01").build());

        assertThat(result.passed()).isTrue();
        assertThat(result.baselineNote()).hasValue("no baseline configured; change rules skipped");
    }

    @Test
    void noteIsAbsentWhenNothingWasSkipped() throws Exception {
        assertThat(check(
                                Baseline.none(),
                                Rule.builder("accuracy").minimum("0.5").build())
                        .baselineNote())
                .isEmpty();
    }

    @Test
    void figureMissingFromTheBaselineIsAViolation() throws Exception {
        GateResult result = check(
                BASELINE,
                Rule.builder("classAccuracy")
                        .label("12")
                        .absoluteTolerance("0.01")
                        .build());

        assertThat(result.outcomes().get(0).message())
                .isEqualTo("mnist-cnn: accuracy of class 12 is missing (the"
                        + " model has 10 classes), so it cannot be compared with the baseline baseline.json");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void notANumberCannotBeCompared() throws Exception {
        MetricSource diverged = MetricSource.of(SampleMetrics.test(0.1, Double.NaN, 0.1));

        GateResult result = new QualityGate(
                        List.of(Rule.builder("loss").absoluteTolerance("1").build()))
                .check("m", diverged, BASELINE);

        assertThat(result.outcomes().get(0).message())
                .isEqualTo("m: test loss is NaN, so it cannot be compared with the baseline baseline.json");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void noRulesPass() {
        GateResult result = new QualityGate(List.of()).check("m", CANDIDATE, Baseline.none());

        assertThat(result.hasRules()).isFalse();
        assertThat(result.passed()).isTrue();
        assertThat(result.summary()).isEqualTo("m: 0 checks, 0 passed, 0 violated, 0 skipped");
    }

    @Test
    void summaryCountsAndListsViolations() throws Exception {
        GateResult result = check(
                Baseline.none(),
                Rule.builder("accuracy")
                        .minimum("0.98")
                        .maximum("0.99")
                        .absoluteTolerance("0.01")
                        .build());

        assertThat(result.summary())
                .isEqualTo("mnist-cnn: 3 checks, 1 passed, 1 violated, 1 skipped\n"
                        + "mnist-cnn: test accuracy is 0.9712, but expected minimum is 0.98");
    }

    @Test
    void summaryOfOneCheckSaysCheck() throws Exception {
        GateResult result =
                check(Baseline.none(), Rule.builder("accuracy").minimum("0.95").build());

        assertThat(result.summary()).isEqualTo("mnist-cnn: 1 check, 1 passed, 0 violated, 0 skipped");
    }

    private static GateResult check(Baseline baseline, Rule... rules) {
        return new QualityGate(List.of(rules)).check("mnist-cnn", CANDIDATE, baseline);
    }
}

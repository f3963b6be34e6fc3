package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.metrics.FigureText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a model's figures against rules, as JaCoCo's {@code check} goal checks coverage: every limit of every
 * rule gives one {@link RuleOutcome}, and a figure that is missing violates its limit rather than passing. A limit
 * that two rules set alike on the same figure (an every-class rule and a rule on one class) is checked once; where
 * they set it differently, each outcome names its rule.
 *
 * <h2>Limits on the value</h2>
 * A {@code minimum} holds when the value is at least the minimum, a {@code maximum} when it is at most the maximum.
 * NaN holds no limit.
 * <pre>
 * mnist-cnn: test accuracy is 0.9712, but expected minimum is 0.9800
 * mnist-cnn: test loss is 0.0812, but expected maximum is 0.0500
 * mnist-cnn: accuracy of class 8 is 0.9420, but expected minimum is 0.9500
 * mnist-cnn: accuracy of class 12 is missing (the model has 10 classes), but expected minimum is 0.9500
 * mnist-cnn: accuracy of class 3 cannot be measured: the test set has no image of class 3, but expected minimum
 *     is 0.9500; add images of class 3 to the test set
 * </pre>
 *
 * <h2>Tolerances against a baseline</h2>
 * Changes are measured as TFMA's {@code GenericChangeThreshold} and MLflow's {@code MetricThreshold} measure them,
 * with candidate value {@code c} and baseline value {@code b}:
 * <ul>
 *   <li>absolute change {@code c - b} (TFMA {@code absolute}, MLflow {@code min_absolute_change});</li>
 *   <li>relative change {@code (c - b) / |b|} (TFMA {@code relative}, MLflow {@code min_relative_change}).</li>
 * </ul>
 * The metric's {@link Direction} (TFMA {@code direction}: {@code HIGHER_IS_BETTER} / {@code LOWER_IS_BETTER};
 * MLflow {@code greater_is_better}) says which sign is worse. A tolerance is the most the metric may get
 * <em>worse</em>, a number of 0 or more: for a higher-is-better metric the {@code absoluteTolerance} is violated when
 * {@code c - b < -absoluteTolerance}, the {@code relativeTolerance} when {@code (c - b) / |b| < -relativeTolerance};
 * for a lower-is-better metric when the change exceeds the tolerance. A tolerance of 0 means "no worse than the
 * baseline". This matches TFMA's {@code GenericChangeThreshold(absolute=-t, direction=HIGHER_IS_BETTER)}; MLflow's
 * thresholds ask for a minimum improvement instead, which a negative tolerance would be, and which is not offered.
 * Differences within 1e-9 count as equal, so that the floating-point error of {@code c - b} does not fail a change
 * exactly at the tolerance. TFMA's validator divides by {@code b} rather than {@code |b|}, which is the same for the
 * metrics here (none is negative). Against a baseline of 0 TFMA's ratio is NaN and fails; here the relative change
 * of any worsening is infinite (so it fails) and of no worsening is 0 (so it passes).
 * <pre>
 * mnist-cnn: test accuracy is 0.9712, 0.0154 (1.56%) worse than the baseline 0.9866; at most 0.0100 is allowed
 * mnist-cnn: test loss is 0.0812, 0.0100 (14.04%) worse than the baseline 0.0712; at most 10.00% is allowed
 * mnist-cnn: test accuracy is 0.9870, 0.0004 (0.04%) better than the baseline 0.9866; at most 0.0100 is allowed
 * </pre>
 * Without a baseline the tolerances are {@link RuleOutcome.Status#SKIPPED skipped}, as TFX's Evaluator ignores
 * change thresholds when no baseline model is resolved (a first run); a figure the baseline lacks violates them, as
 * TFMA fails a threshold whose metric is not found.
 *
 * <p>References: TFMA model validations, https://www.tensorflow.org/tfx/model_analysis/model_validations, and its
 * {@code tensorflow_model_analysis/evaluators/metrics_validator.py}; MLflow {@code mlflow.models.MetricThreshold},
 * https://mlflow.org/docs/latest/api_reference/_modules/mlflow/models/evaluation/validation.html.
 *
 * <pre>{@code
 * QualityGate gate = new QualityGate(List.of(
 *         Rule.builder("accuracy").minimum("98%").absoluteTolerance("0.01").build(),
 *         Rule.builder("classAccuracy").minimum("95%").build()));
 * GateResult result = gate.check("mnist-cnn", MetricSource.of(evaluation), Baseline.load(baselineFile));
 * }</pre>
 */
public final class QualityGate {
    private static final double EQUAL_WITHIN = 1e-9;

    private final List<Rule> rules;

    /**
     * Creates the gate.
     *
     * @param rules the rules, checked in this order
     */
    public QualityGate(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Returns the rules. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Checks every rule.
     *
     * @param modelName the model's name, which starts every message
     * @param candidate the figures checked
     * @param baseline what tolerances compare with; {@link Baseline#none()} if none is configured
     * @return one outcome per limit of each rule and figure
     */
    public GateResult check(String modelName, MetricSource candidate, Baseline baseline) {
        return check(modelName, candidate, baseline, ClassNames.numbered(candidate.classes()));
    }

    /**
     * Checks the rules against a model's figures, naming its classes in messages and resolving rules that name a
     * class: {@code accuracy of class cat is 0.8500, but expected minimum is 0.9}.
     *
     * <pre>{@code
     * GateResult result = gate.check("pets", MetricSource.of(evaluation), Baseline.none(), metrics.classes());
     * }</pre>
     *
     * @param modelName the model's name, for messages
     * @param candidate the model's figures
     * @param baseline the baseline, or {@link Baseline#none()}
     * @param classes the model's class names
     * @return every rule's outcomes
     */
    public GateResult check(String modelName, MetricSource candidate, Baseline baseline, ClassNames classes) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Rule rule : rules) {
            List<Measure> measures = rule.measures(classes);
            for (Limit limit : Limit.values()) {
                OptionalDouble limitValue = limitValue(rule, limit);
                if (limitValue.isEmpty()) {
                    continue;
                }
                Check check = new Check(modelName, rule, limit, limitValue.getAsDouble(), candidate, baseline, classes);
                if (measures.isEmpty()) {
                    outcomes.add(
                            rule.className().isPresent()
                                    ? check.unknownClass(rule.className().get())
                                    : check.noClasses());
                }
                for (Measure measure : measures) {
                    outcomes.add(check.of(measure));
                }
            }
        }
        return new GateResult(modelName, namingTheirRule(withoutRepeats(outcomes), classes), baseline);
    }

    /**
     * Drops an outcome that repeats an earlier one: the same limit of the same value on the same figure, as an
     * every-class rule and a rule on one of its classes give when their limits are equal.
     */
    private static List<RuleOutcome> withoutRepeats(List<RuleOutcome> outcomes) {
        Set<String> seen = new HashSet<>();
        return outcomes.stream()
                .filter(o -> seen.add(o.subject() + "\n" + o.limit() + "\n" + o.limitValue()))
                .toList();
    }

    /**
     * Says which rule an outcome comes from where two rules limit the same class's figure the same way with different
     * values (an every-class rule and a rule on that class): {@code accuracy of class zero minimum 0.85 (rule for every
     * class)} and {@code accuracy of class zero minimum 0.95 (rule for class zero)}.
     */
    private static List<RuleOutcome> namingTheirRule(List<RuleOutcome> outcomes, ClassNames classes) {
        Map<String, Long> counts = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.subject() + "\n" + o.limit(), Collectors.counting()));
        return outcomes.stream()
                .map(o -> !o.rule().metric().perClass() || counts.get(o.subject() + "\n" + o.limit()) == 1
                        ? o
                        : o.withRuleNamed(ruleScope(o.rule(), classes)))
                .toList();
    }

    private static String ruleScope(Rule rule, ClassNames classes) {
        if (rule.className().isPresent()) {
            return "rule for class " + rule.className().get();
        }
        return rule.label().isPresent()
                ? "rule for class " + classes.name(rule.label().getAsInt())
                : "rule for every class";
    }

    private static OptionalDouble limitValue(Rule rule, Limit limit) {
        return switch (limit) {
            case MINIMUM -> rule.minimum();
            case MAXIMUM -> rule.maximum();
            case ABSOLUTE_TOLERANCE -> rule.absoluteTolerance();
            case RELATIVE_TOLERANCE -> rule.relativeTolerance();
        };
    }

    /** One limit of one rule, checked on each of the rule's measures. */
    private record Check(
            String modelName,
            Rule rule,
            Limit limit,
            double limitValue,
            MetricSource candidate,
            Baseline baseline,
            ClassNames classes) {

        RuleOutcome unknownClass(String name) {
            String subject = rule.metric().words() + " of class " + name;
            return outcome(
                    subject,
                    RuleOutcome.Status.VIOLATED,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    subject + " is missing (the model has no class '" + name + "'; its classes are " + classes.joined()
                            + ")");
        }

        RuleOutcome noClasses() {
            String subject = rule.metric().words() + " of every class";
            return outcome(
                    subject,
                    RuleOutcome.Status.VIOLATED,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    subject + " is missing (the model has no classes)");
        }

        RuleOutcome of(Measure measure) {
            OptionalDouble value = candidate.value(measure);
            String subject = measure.describe(classes);
            if (measure.metric().perClass() && !candidate.hasImagesOf(measure.label())) {
                String name = classes.name(measure.label());
                return violated(
                        subject,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        subject
                                + " cannot be measured: the test set has no image of class " + name
                                + expectation(", but ") + "; add images of class " + name + " to the test set");
            }
            if (value.isEmpty()) {
                String missing = subject + " is missing" + why(measure);
                return violated(
                        subject,
                        value,
                        OptionalDouble.empty(),
                        limit.comparesWithBaseline()
                                ? missing + ", so it cannot be compared with " + baseline.describe()
                                : missing + expectation(", but "));
            }
            double v = value.getAsDouble();
            return limit.comparesWithBaseline() ? change(measure, subject, v) : bound(subject, v);
        }

        private RuleOutcome bound(String subject, double v) {
            boolean holds = limit == Limit.MINIMUM ? v >= limitValue : v <= limitValue;
            String measured = subject + " is " + FigureText.value(v);
            OptionalDouble value = OptionalDouble.of(v);
            return holds
                    ? passed(subject, value, OptionalDouble.empty(), measured + expectation(", "))
                    : violated(subject, value, OptionalDouble.empty(), measured + expectation(", but "));
        }

        private RuleOutcome change(Measure measure, String subject, double c) {
            OptionalDouble value = OptionalDouble.of(c);
            String measured = subject + " is " + FigureText.value(c);
            if (!baseline.isPresent()) {
                return outcome(
                        subject,
                        RuleOutcome.Status.SKIPPED,
                        value,
                        OptionalDouble.empty(),
                        subject + " is not compared: " + baseline.describe());
            }
            if (Double.isNaN(c)) {
                return violated(
                        subject,
                        value,
                        OptionalDouble.empty(),
                        measured + ", so it cannot be compared with " + baseline.describe());
            }
            OptionalDouble base = baseline.source().value(measure);
            if (base.isEmpty() || Double.isNaN(base.getAsDouble())) {
                return violated(
                        subject,
                        value,
                        base,
                        measured + ", but " + baseline.describe() + " has no " + subject
                                + "; write a new baseline with 'mvn cnn:bless' or remove the tolerance");
            }
            double b = base.getAsDouble();
            double worsening = rule.metric().direction().worsening(c, b);
            double measuredChange = limit == Limit.ABSOLUTE_TOLERANCE ? worsening : relative(worsening, b);
            String message = measured + ", " + changeText(worsening, b) + "; at most " + limit.format(limitValue)
                    + " is allowed";
            return measuredChange > limitValue + EQUAL_WITHIN
                    ? violated(subject, value, base, message)
                    : passed(subject, value, base, message);
        }

        private String expectation(String joint) {
            return joint + "expected " + limit.pomName() + " is " + limit.format(limitValue);
        }

        private String why(Measure measure) {
            return measure.metric().perClass() && measure.label() >= candidate.classes()
                    ? " (the model has " + candidate.classes() + " classes)"
                    : "";
        }

        private RuleOutcome passed(String subject, OptionalDouble value, OptionalDouble base, String message) {
            return outcome(subject, RuleOutcome.Status.PASSED, value, base, message);
        }

        private RuleOutcome violated(String subject, OptionalDouble value, OptionalDouble base, String message) {
            return outcome(subject, RuleOutcome.Status.VIOLATED, value, base, message);
        }

        private RuleOutcome outcome(
                String subject, RuleOutcome.Status status, OptionalDouble value, OptionalDouble base, String message) {
            String name = subject + " " + limit.pomName() + " " + limit.format(limitValue);
            return new RuleOutcome(
                    name, subject, rule, limit, limitValue, status, value, base, modelName + ": " + message);
        }

        private static double relative(double worsening, double baseline) {
            if (baseline == 0) {
                return worsening == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, worsening);
            }
            return worsening / Math.abs(baseline);
        }

        private static String changeText(double worsening, double baseline) {
            if (worsening == 0) {
                return "equal to the baseline " + FigureText.value(baseline);
            }
            String share = baseline == 0 ? "" : " (" + FigureText.percent(Math.abs(worsening / baseline)) + ")";
            return FigureText.value(Math.abs(worsening)) + share + (worsening > 0 ? " worse" : " better")
                    + " than the baseline " + FigureText.value(baseline);
        }
    }
}

package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.text.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A quality-gate rule: a metric (and for a per-class metric, one class or every class) with limits on its value
 * and on its change against a baseline. Every limit is optional, but a rule has at least one.
 *
 * <ul>
 *   <li>{@code minimum}, {@code maximum}: the value must lie within them (both inclusive).</li>
 *   <li>{@code absoluteTolerance}: the most the metric may get worse than the baseline, in its own unit;</li>
 *   <li>{@code relativeTolerance}: the same as a share of the baseline value. See {@link QualityGate} for the
 *       exact definitions.</li>
 * </ul>
 *
 * <p>Limits are written as fractions ({@code 0.98}) or percentages ({@code 98%}); a percentage of an
 * {@code absoluteTolerance} is in percentage points ({@code 1%} of accuracy is 0.01).
 *
 * <pre>{@code
 * Rule accuracy = Rule.builder("accuracy").minimum("98%").absoluteTolerance("0.01").build();
 * Rule eights = Rule.builder("classAccuracy").label("8").minimum("0.95").build();
 * Rule cats = Rule.builder("classAccuracy").label("cat").minimum("0.9").build();   // a class by its name
 * Rule everyClass = Rule.builder(Metric.CLASS_F1).minimum(0.9).build();   // no label: every class
 * Rule loss = Rule.builder("loss").maximum("0.05").relativeTolerance("10%").build();
 * }</pre>
 *
 * @param metric what is checked
 * @param label the class of a per-class metric, by number; empty for every class, for a class named by
 *     {@code className}, and for metrics of the whole model
 * @param minimum the smallest value allowed
 * @param maximum the largest value allowed
 * @param absoluteTolerance the most the metric may get worse than the baseline, in its unit (0 or more)
 * @param relativeTolerance the most the metric may get worse than the baseline, as a share of the baseline value
 *     (0 or more)
 * @param className the class of a per-class metric, by name, such as {@code cat}; resolved against the model's
 *     class names when the rule is checked
 */
public record Rule(
        Metric metric,
        OptionalInt label,
        OptionalDouble minimum,
        OptionalDouble maximum,
        OptionalDouble absoluteTolerance,
        OptionalDouble relativeTolerance,
        Optional<String> className) {

    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException with the same message a {@link Builder} gives as a {@link RuleException}
     */
    public Rule {
        String problem = problem(metric, label, className, minimum, maximum, absoluteTolerance, relativeTolerance);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * A rule on a class given by number, or on every class, or on the whole model.
     *
     * @param metric what is checked
     * @param label the class by number; empty for every class and for metrics of the whole model
     * @param minimum the smallest value allowed
     * @param maximum the largest value allowed
     * @param absoluteTolerance the most the metric may get worse than the baseline, in its unit
     * @param relativeTolerance the most the metric may get worse than the baseline, as a share
     */
    public Rule(
            Metric metric,
            OptionalInt label,
            OptionalDouble minimum,
            OptionalDouble maximum,
            OptionalDouble absoluteTolerance,
            OptionalDouble relativeTolerance) {
        this(metric, label, minimum, maximum, absoluteTolerance, relativeTolerance, Optional.empty());
    }

    /**
     * Starts a rule on the metric named as in the POM; the name is checked by {@link Builder#build()}.
     *
     * @param metric a name such as {@code accuracy}, {@code loss} or {@code classAccuracy}
     * @return the builder
     */
    public static Builder builder(String metric) {
        return new Builder(metric);
    }

    /** Starts a rule on {@code metric}. */
    public static Builder builder(Metric metric) {
        return new Builder(metric.pomName());
    }

    /**
     * Returns what this rule measures on a model with {@code classes} classes: one measure, or one per class for a
     * per-class metric without a label.
     */
    public List<Measure> measures(int classes) {
        return measures(ClassNames.numbered(classes));
    }

    /**
     * Returns what this rule measures on a model with these classes: one measure, or one per class for a per-class
     * metric without a label; none when the rule names a class the model does not have. A number names the class of
     * that name when there is one (folders named {@code 0} to {@code 10} sort as {@code 0, 1, 10, 2, ...}), else the
     * class of that index.
     *
     * <pre>{@code
     * rule.measures(ClassNames.of(List.of("cat", "dog")));   // [Measure[metric=CLASS_ACCURACY, label=0]] for "cat"
     * }</pre>
     */
    public List<Measure> measures(ClassNames classes) {
        if (!metric.perClass()) {
            return List.of(Measure.of(metric));
        }
        if (className.isPresent()) {
            OptionalInt index = classes.indexOf(className.get());
            return index.isPresent() ? List.of(Measure.ofClass(metric, index.getAsInt())) : List.of();
        }
        if (label.isPresent()) {
            int byName = classes.names().indexOf(Integer.toString(label.getAsInt()));
            return List.of(Measure.ofClass(metric, byName >= 0 ? byName : label.getAsInt()));
        }
        return IntStream.range(0, classes.size())
                .mapToObj(c -> Measure.ofClass(metric, c))
                .toList();
    }

    /**
     * Tells why this rule cannot measure a model with these classes: it names a class, by name or number, that the
     * model does not have. Checked before training, so a misspelt class fails the build before it trains.
     *
     * <pre>{@code
     * Rule.builder("classAccuracy").label("zeroo").minimum("0.9").build()
     *         .unknownClass(ClassNames.of(List.of("zero", "one")), "model digits");
     * // Optional["names class 'zeroo', which model digits does not have; did you mean 'zero'? Valid classes: zero,
     * // one"]
     * }</pre>
     *
     * @param classes the model's classes
     * @param model the model in the message, such as {@code model digits (src/main/cnn/digits.yaml)}
     * @return the problem; empty when the rule names no class or one the model has
     */
    public Optional<String> unknownClass(ClassNames classes, String model) {
        boolean known = !metric.perClass()
                || className
                        .map(name -> classes.indexOf(name).isPresent())
                        .orElseGet(() -> label.isEmpty()
                                || label.getAsInt() < classes.size()
                                || classes.names().contains(Integer.toString(label.getAsInt())));
        if (known) {
            return Optional.empty();
        }
        String named = className.orElseGet(() -> Integer.toString(label.getAsInt()));
        return Optional.of("names class '" + named + "', which " + model + " does not have"
                + Suggestions.unknownWordHint(named, classes.names(), "classes"));
    }

    /** Returns whether the rule compares with a baseline, that is has a tolerance. */
    public boolean comparesWithBaseline() {
        return absoluteTolerance.isPresent() || relativeTolerance.isPresent();
    }

    /** Returns how messages about a rule name it: {@code rule 'classAccuracy' (class 8)}. */
    private static String describe(Metric metric, OptionalInt label, Optional<String> className) {
        String name = "rule '" + metric.pomName() + "'";
        if (!metric.perClass()) {
            return name;
        }
        return name
                + (className.isPresent()
                        ? " (class " + className.get() + ")"
                        : label.isPresent() ? " (class " + label.getAsInt() + ")" : " (every class)");
    }

    private static String problem(
            Metric metric,
            OptionalInt label,
            Optional<String> className,
            OptionalDouble minimum,
            OptionalDouble maximum,
            OptionalDouble absoluteTolerance,
            OptionalDouble relativeTolerance) {
        String rule = describe(metric, label, className);
        if (label.isPresent() && className.isPresent()) {
            return rule + ": give the class by number or by name, not both";
        }
        if ((label.isPresent() || className.isPresent()) && !metric.perClass()) {
            return rule + ": label " + className.orElseGet(() -> Integer.toString(label.getAsInt())) + " given, but "
                    + metric.words() + " is measured on the"
                    + " whole model; remove the label, or use a per-class metric (classAccuracy, classPrecision,"
                    + " classRecall, classF1)";
        }
        if (label.isPresent() && label.getAsInt() < 0) {
            return rule + ": label " + label.getAsInt() + " is not a class; use a class index from 0, or '*' for"
                    + " every class";
        }
        if (minimum.isEmpty() && maximum.isEmpty() && absoluteTolerance.isEmpty() && relativeTolerance.isEmpty()) {
            return rule + " sets no limit; set minimum, maximum, absoluteTolerance or relativeTolerance";
        }
        List<String> problems = new ArrayList<>();
        checkFinite(problems, "minimum", minimum);
        checkFinite(problems, "maximum", maximum);
        checkFinite(problems, "absoluteTolerance", absoluteTolerance);
        checkFinite(problems, "relativeTolerance", relativeTolerance);
        if (metric.isFraction()) {
            checkFraction(problems, "minimum", minimum, metric);
            checkFraction(problems, "maximum", maximum, metric);
        }
        if (minimum.isPresent() && maximum.isPresent() && minimum.getAsDouble() > maximum.getAsDouble()) {
            problems.add("minimum " + FigureText.value(minimum.getAsDouble()) + " is above maximum "
                    + FigureText.value(maximum.getAsDouble()));
        }
        checkTolerance(problems, "absoluteTolerance", absoluteTolerance);
        checkTolerance(problems, "relativeTolerance", relativeTolerance);
        return problems.isEmpty() ? null : rule + ": " + String.join("; ", problems);
    }

    private static void checkFinite(List<String> problems, String option, OptionalDouble limit) {
        if (limit.isPresent() && !Double.isFinite(limit.getAsDouble())) {
            problems.add(option + " " + limit.getAsDouble() + " is not a finite number");
        }
    }

    private static void checkFraction(List<String> problems, String option, OptionalDouble limit, Metric metric) {
        double value = limit.orElse(0);
        if (value < 0 || value > 1) {
            problems.add(option + " " + FigureText.value(value) + " is outside 0 to 1, the range of " + metric.words()
                    + "; write a fraction such as 0.98 or a percentage such as 98%");
        }
    }

    private static void checkTolerance(List<String> problems, String option, OptionalDouble tolerance) {
        if (tolerance.isPresent() && tolerance.getAsDouble() < 0) {
            problems.add(option + " " + FigureText.value(tolerance.getAsDouble()) + " is negative; it is the most the"
                    + " metric may get worse, 0 or more");
        }
    }

    /**
     * Collects a rule's settings as the POM gives them, as text, and checks them all in {@link #build()}. A
     * {@code null} or blank text means the setting is absent, so a mojo can pass its fields through unchanged.
     *
     * <pre>{@code
     * Rule rule = Rule.builder(config.metric).label(config.label).minimum(config.minimum)
     *         .maximum(config.maximum).absoluteTolerance(config.absoluteTolerance)
     *         .relativeTolerance(config.relativeTolerance).build();
     * }</pre>
     */
    public static final class Builder {
        private final String metric;
        private String label;
        private String minimum;
        private String maximum;
        private String absoluteTolerance;
        private String relativeTolerance;

        private Builder(String metric) {
            this.metric = metric;
        }

        /**
         * Sets the class of a per-class metric: an index such as {@code 8} or a name such as {@code cat}; {@code *}
         * or absent for every class.
         */
        public Builder label(String text) {
            this.label = text;
            return this;
        }

        /** Sets the class of a per-class metric. */
        public Builder label(int label) {
            return label(Integer.toString(label));
        }

        /** Sets the minimum from {@code 0.98} or {@code 98%}. */
        public Builder minimum(String text) {
            this.minimum = text;
            return this;
        }

        /** Sets the minimum. */
        public Builder minimum(double value) {
            return minimum(Double.toString(value));
        }

        /** Sets the maximum from {@code 0.05} or {@code 5%}. */
        public Builder maximum(String text) {
            this.maximum = text;
            return this;
        }

        /** Sets the maximum. */
        public Builder maximum(double value) {
            return maximum(Double.toString(value));
        }

        /** Sets the absolute tolerance from {@code 0.01} or {@code 1%} (percentage points). */
        public Builder absoluteTolerance(String text) {
            this.absoluteTolerance = text;
            return this;
        }

        /** Sets the absolute tolerance. */
        public Builder absoluteTolerance(double value) {
            return absoluteTolerance(Double.toString(value));
        }

        /** Sets the relative tolerance from {@code 0.01} or {@code 1%} (of the baseline value). */
        public Builder relativeTolerance(String text) {
            this.relativeTolerance = text;
            return this;
        }

        /** Sets the relative tolerance. */
        public Builder relativeTolerance(double value) {
            return relativeTolerance(Double.toString(value));
        }

        /**
         * Checks the settings and builds the rule.
         *
         * @return the rule
         * @throws RuleException naming the rule, what is wrong and what is accepted
         */
        public Rule build() throws RuleException {
            Metric parsed = Metric.parse(metric);
            String rule = "rule '" + parsed.pomName() + "'";
            String labelText = label == null ? "" : label.trim();
            boolean named = !labelText.isEmpty() && !labelText.equals("*") && !labelText.matches("[-+]?\\d+");
            OptionalInt parsedLabel = named ? OptionalInt.empty() : parseLabel(rule);
            Optional<String> parsedName = named ? Optional.of(labelText) : Optional.empty();
            OptionalDouble parsedMinimum = limit(rule, "minimum", minimum);
            OptionalDouble parsedMaximum = limit(rule, "maximum", maximum);
            OptionalDouble parsedAbsolute = limit(rule, "absoluteTolerance", absoluteTolerance);
            OptionalDouble parsedRelative = limit(rule, "relativeTolerance", relativeTolerance);
            String problem = problem(
                    parsed, parsedLabel, parsedName, parsedMinimum, parsedMaximum, parsedAbsolute, parsedRelative);
            if (problem != null) {
                throw new RuleException(problem);
            }
            return new Rule(
                    parsed, parsedLabel, parsedMinimum, parsedMaximum, parsedAbsolute, parsedRelative, parsedName);
        }

        private OptionalInt parseLabel(String rule) throws RuleException {
            String text = label == null ? "" : label.trim();
            if (text.isEmpty() || text.equals("*")) {
                return OptionalInt.empty();
            }
            if (!text.matches("\\d{1,9}")) {
                throw new RuleException(rule + ": label '" + label + "' is not a class index; write a class index"
                        + " such as 8, or '*' (or no label) for every class");
            }
            return OptionalInt.of(Integer.parseInt(text));
        }

        private static OptionalDouble limit(String rule, String option, String text) throws RuleException {
            if (text == null || text.isBlank()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(LimitText.parse(rule + ": " + option, text));
        }
    }
}

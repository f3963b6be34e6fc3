package dev.cnnbuild.test;

import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.rules.Metric;
import dev.cnnbuild.core.rules.QualityGate;
import dev.cnnbuild.core.rules.Rule;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How much worse than its baseline a metric may get in {@code isNoWorseThanBaseline} and {@code isNoWorseThan}: an
 * amount of the metric itself ({@link #absolute}) or a share of the baseline value ({@link #relative}). It is
 * {@code cnn:check}'s {@code absoluteTolerance} or {@code relativeTolerance} put on every metric (accuracy, loss,
 * macro precision, recall and F1, and each class's precision, accuracy (which is its recall) and F1), so
 * a test and the Maven gate measure a change alike: see {@link QualityGate} for the definitions.
 *
 * <pre>{@code
 * assertThat(model).isNoWorseThanBaseline(Path.of("src/test/cnn/mnist-cnn.metrics.json"),
 *         Tolerance.absolute(0.005));   // accuracy may drop from 0.9850 to 0.9800, not below
 * assertThat(model).isNoWorseThan(previous, Tolerance.relative(0.02));   // loss may rise by 2%, not more
 * }</pre>
 */
public final class Tolerance {
    private static final List<Metric> COMPARED = List.of(Metric.values());

    private final String description;
    private final QualityGate gate;

    private Tolerance(String description, List<Rule> rules) {
        this.description = description;
        this.gate = new QualityGate(rules);
    }

    /**
     * Returns a tolerance of {@code amount} in each metric's own unit.
     *
     * @param amount how much worse, 0 or more
     * @return the tolerance
     * @throws IllegalArgumentException if the amount is negative or not a finite number, in the rules' words
     */
    public static Tolerance absolute(double amount) {
        return new Tolerance(
                describe(amount, "absolute"),
                COMPARED.stream()
                        .map(metric -> rule(metric, OptionalDouble.of(amount), OptionalDouble.empty()))
                        .toList());
    }

    /**
     * Returns a tolerance of {@code amount} times each metric's baseline value (0.02 is two percent).
     *
     * @param amount how much worse, as a share of the baseline value, 0 or more
     * @return the tolerance
     * @throws IllegalArgumentException if the amount is negative or not a finite number, in the rules' words
     */
    public static Tolerance relative(double amount) {
        return new Tolerance(
                describe(amount, "relative"),
                COMPARED.stream()
                        .map(metric -> rule(metric, OptionalDouble.empty(), OptionalDouble.of(amount)))
                        .toList());
    }

    /** Returns the tolerance in words: {@code "0.0050 (absolute)"}. */
    public String describe() {
        return description;
    }

    /** Returns the gate that holds every compared metric to this tolerance. */
    QualityGate gate() {
        return gate;
    }

    private static Rule rule(Metric metric, OptionalDouble absolute, OptionalDouble relative) {
        return new Rule(
                metric, OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(), absolute, relative);
    }

    private static String describe(double amount, String kind) {
        return FigureText.limit(amount) + " (" + kind + ")";
    }
}

package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.text.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a rule can check: figures of the whole test set, or of one class of it. Each metric has the name the POM
 * uses ({@link #pomName()}), the words messages use, and the {@link Direction} in which it improves.
 *
 * <p>Names are parsed ignoring case, underscores and hyphens, so {@code macroF1}, {@code MACRO_F1} and
 * {@code macro-f1} are the same metric.
 *
 * <pre>{@code
 * Metric metric = Metric.parse("classAccuracy"); // CLASS_ACCURACY
 * Metric.parse("classRecall");                   // CLASS_ACCURACY too: a class's recall is its accuracy
 * metric.perClass();                             // true
 * Metric.LOSS.direction();                       // LOWER_IS_BETTER
 * Metric.parse("acuracy");   // RuleException: unknown metric 'acuracy'; did you mean 'accuracy'? ...
 * }</pre>
 */
public enum Metric {
    /** Share of test images predicted right. */
    ACCURACY("accuracy", "test accuracy", Direction.HIGHER_IS_BETTER, false),
    /** Mean cross-entropy on the test set. */
    LOSS("loss", "test loss", Direction.LOWER_IS_BETTER, false),
    /** Unweighted mean precision over classes. */
    MACRO_PRECISION("macroPrecision", "test macro precision", Direction.HIGHER_IS_BETTER, false),
    /** Unweighted mean recall over classes. */
    MACRO_RECALL("macroRecall", "test macro recall", Direction.HIGHER_IS_BETTER, false),
    /** Unweighted mean F1 score over classes. */
    MACRO_F1("macroF1", "test macro F1", Direction.HIGHER_IS_BETTER, false),
    /**
     * Share of one class's images predicted right: its accuracy, which is its recall. The POM may name it
     * {@code classAccuracy} or {@code classRecall}; both are this one figure, with one message.
     */
    CLASS_ACCURACY("classAccuracy", "accuracy", Direction.HIGHER_IS_BETTER, true),
    /** Share of the images predicted as one class that belong to it. */
    CLASS_PRECISION("classPrecision", "precision", Direction.HIGHER_IS_BETTER, true),
    /** Harmonic mean of one class's precision and recall. */
    CLASS_F1("classF1", "F1", Direction.HIGHER_IS_BETTER, true);

    private static final String CLASS_RECALL_ALIAS = "classRecall";

    private final String pomName;
    private final String words;
    private final Direction direction;
    private final boolean perClass;

    Metric(String pomName, String words, Direction direction, boolean perClass) {
        this.pomName = pomName;
        this.words = words;
        this.direction = direction;
        this.perClass = perClass;
    }

    /**
     * Returns the metric named {@code name}.
     *
     * @param name a POM name such as {@code accuracy} or {@code classAccuracy}, in any case
     * @return the metric
     * @throws RuleException if no metric has that name; the message suggests the closest and lists all
     */
    public static Metric parse(String name) throws RuleException {
        if (name == null || name.isBlank()) {
            throw new RuleException("a rule needs a metric; valid metrics: " + String.join(", ", pomNames()));
        }
        String key = normalise(name);
        if (key.equals(normalise(CLASS_RECALL_ALIAS))) {
            return CLASS_ACCURACY;
        }
        for (Metric metric : values()) {
            if (normalise(metric.pomName).equals(key)) {
                return metric;
            }
        }
        throw new RuleException(
                "unknown metric '" + name + "'" + Suggestions.unknownWordHint(name, pomNames(), "metrics"));
    }

    /** Returns the POM names of all metrics, in declaration order, with {@code classRecall} after its figure's. */
    public static List<String> pomNames() {
        List<String> names =
                new ArrayList<>(Arrays.stream(values()).map(Metric::pomName).toList());
        names.add(names.indexOf(CLASS_ACCURACY.pomName) + 2, CLASS_RECALL_ALIAS);
        return names;
    }

    /** Returns the name used in the POM, such as {@code macroF1}. */
    public String pomName() {
        return pomName;
    }

    /** Returns the words messages use: {@code test accuracy}, or {@code accuracy} (of a class) if per class. */
    public String words() {
        return words;
    }

    /** Returns which way the metric improves. */
    public Direction direction() {
        return direction;
    }

    /** Returns whether the metric is measured per class, so that a rule names a class or means every class. */
    public boolean perClass() {
        return perClass;
    }

    /** Returns whether the metric is a share from 0 to 1; only the loss is not. */
    public boolean isFraction() {
        return this != LOSS;
    }

    private static String normalise(String name) {
        return name.replace("_", "").replace("-", "").trim().toLowerCase(Locale.ROOT);
    }
}

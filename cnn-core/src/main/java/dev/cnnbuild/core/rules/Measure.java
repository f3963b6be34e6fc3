package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.evaluation.ClassNames;

/**
 * One figure a rule checks: a metric of the whole model, or a per-class metric of one class.
 *
 * <pre>{@code
 * Measure.of(Metric.ACCURACY).describe();                // "test accuracy"
 * Measure.ofClass(Metric.CLASS_ACCURACY, 8).describe();  // "accuracy of class 8"
 * }</pre>
 *
 * @param metric the metric
 * @param label the class, from 0, for a per-class metric; {@link #WHOLE_MODEL} otherwise
 */
public record Measure(Metric metric, int label) {
    /** The label of a measure of the whole model. */
    public static final int WHOLE_MODEL = -1;

    /**
     * Checks that a per-class metric has a class and a metric of the whole model has none.
     *
     * @throws IllegalArgumentException if not
     */
    public Measure {
        if (metric.perClass() ? label < 0 : label != WHOLE_MODEL) {
            throw new IllegalArgumentException(
                    metric.perClass()
                            ? metric.pomName() + " needs a class from 0, but got " + label
                            : metric.pomName() + " is measured on the whole model and takes no class");
        }
    }

    /** Returns the measure of a metric of the whole model, such as {@link Metric#ACCURACY}. */
    public static Measure of(Metric metric) {
        return new Measure(metric, WHOLE_MODEL);
    }

    /** Returns the measure of a per-class metric, such as {@link Metric#CLASS_ACCURACY}, for class {@code label}. */
    public static Measure ofClass(Metric metric, int label) {
        return new Measure(metric, label);
    }

    /** Returns the words messages use: {@code test accuracy}, or {@code accuracy of class 8}. */
    public String describe() {
        return metric.perClass() ? metric.words() + " of class " + label : metric.words();
    }

    /**
     * Returns the words messages use, naming the class: {@code accuracy of class cat}.
     *
     * @param classes the model's class names
     * @return the words
     */
    public String describe(ClassNames classes) {
        return metric.perClass() ? metric.words() + " of class " + classes.name(label) : metric.words();
    }
}

package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.text.Counted;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a class whose precision or F1 is too low (a low recall is a low class accuracy:
 * {@link ShouldHaveClassAccuracyAbove}), with the counts behind it.
 *
 * <pre>{@code
 * // Expecting precision of class dog of model pets on its test set to be above 0.9 but was 0.8636
 * // (19 of 22 images predicted as dog were dog)
 * throwAssertionError(ShouldHaveClassMetricAbove.shouldHavePrecisionAbove("pets", "its test set", evaluation,
 *         names, 1, 0.9));
 * }</pre>
 */
public final class ShouldHaveClassMetricAbove extends BasicErrorMessageFactory {

    private ShouldHaveClassMetricAbove(
            String metric, String model, String testSet, String label, double bar, double value, String detail) {
        super(
                "Expecting %s of class %s of model %s on %s to be above %s but was %s (%s)",
                unquotedString(metric),
                unquotedString(label),
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(FigureText.limit(bar)),
                unquotedString(FigureText.value(value)),
                unquotedString(detail));
    }

    /**
     * Creates the message for a precision not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param label the class
     * @param bar the precision it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHavePrecisionAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, int label, double bar) {
        return new ShouldHaveClassMetricAbove(
                "precision",
                model,
                testSet,
                names.name(label),
                bar,
                evaluation.precision(label),
                FigureText.count(evaluation.confusion()[label][label]) + " of "
                        + Counted.of(evaluation.predicted(label), "image") + " predicted as " + names.name(label)
                        + (evaluation.predicted(label) == 1 ? " was " : " were ") + names.name(label));
    }

    /**
     * Creates the message for an F1 score not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param label the class
     * @param bar the F1 score it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveF1Above(
            String model, String testSet, Evaluation evaluation, ClassNames names, int label, double bar) {
        return new ShouldHaveClassMetricAbove(
                "F1",
                model,
                testSet,
                names.name(label),
                bar,
                evaluation.f1(label),
                "precision " + FigureText.value(evaluation.precision(label)) + ", recall "
                        + FigureText.value(evaluation.recall(label)));
    }
}

package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a class whose precision or F1 is too low (a low recall is a low class accuracy:
 * {@link ShouldHaveClassAccuracyAbove}), with the counts behind it.
 *
 * <pre>{@code
 * // Expecting precision of class 1 of model bands on its test set to be above 0.9000 but was 0.8636
 * // (950 of 1,100 images predicted as 1 were 1)
 * throwAssertionError(ShouldHaveClassMetricAbove.shouldHavePrecisionAbove("bands", "its test set", evaluation,
 *         1, 0.9));
 * }</pre>
 */
public final class ShouldHaveClassMetricAbove extends BasicErrorMessageFactory {

    private ShouldHaveClassMetricAbove(
            String metric, String model, String testSet, int label, double bar, double value, String detail) {
        super(
                "Expecting %s of class %s of model %s on %s to be above %s but was %s (%s)",
                unquotedString(metric),
                label,
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
     * @param label the class
     * @param bar the precision it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHavePrecisionAbove(
            String model, String testSet, Evaluation evaluation, int label, double bar) {
        return new ShouldHaveClassMetricAbove(
                "precision",
                model,
                testSet,
                label,
                bar,
                evaluation.precision(label),
                FigureText.count(evaluation.confusion()[label][label]) + " of "
                        + FigureText.count(evaluation.predicted(label)) + " images predicted as " + label + " were "
                        + label);
    }

    /**
     * Creates the message for an F1 score not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param label the class
     * @param bar the F1 score it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveF1Above(
            String model, String testSet, Evaluation evaluation, int label, double bar) {
        return new ShouldHaveClassMetricAbove(
                "F1",
                model,
                testSet,
                label,
                bar,
                evaluation.f1(label),
                "precision " + FigureText.value(evaluation.precision(label)) + ", recall "
                        + FigureText.value(evaluation.recall(label)));
    }
}

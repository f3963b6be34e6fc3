package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model whose accuracy is too low, with its weakest classes and most frequent confusions.
 *
 * <pre>{@code
 * // Expecting accuracy of model pets on its test set (86 of 100 correct) to be above 0.9 but was 0.8600;
 * // weakest classes: fox (0.7000), cat (0.8500), dog (0.9500); most frequent confusions: fox->dog (6), cat->dog (3)
 * throwAssertionError(ShouldHaveAccuracy.shouldHaveAccuracyAbove("pets", "its test set", evaluation, names, 0.9));
 * }</pre>
 */
public final class ShouldHaveAccuracy extends BasicErrorMessageFactory {

    private ShouldHaveAccuracy(
            String model, String testSet, Evaluation evaluation, ClassNames names, String comparison, double bar) {
        super(
                "Expecting accuracy of model %s on %s (%s of %s correct) to be %s %s but was %s;"
                        + " weakest classes: %s; most frequent confusions: %s",
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(FigureText.count(evaluation.correct())),
                unquotedString(FigureText.count(evaluation.count())),
                unquotedString(comparison),
                unquotedString(FigureText.limit(bar)),
                unquotedString(FigureText.value(evaluation.accuracy())),
                unquotedString(EvaluationText.lowest(evaluation, names, evaluation::recall)),
                unquotedString(EvaluationText.confusions(evaluation, names)));
    }

    /**
     * Creates the message for an accuracy not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param bar the accuracy it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveAccuracyAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, double bar) {
        return new ShouldHaveAccuracy(model, testSet, evaluation, names, "above", bar);
    }

    /**
     * Creates the message for an accuracy below the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param bar the accuracy it had to reach
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveAccuracyAtLeast(
            String model, String testSet, Evaluation evaluation, ClassNames names, double bar) {
        return new ShouldHaveAccuracy(model, testSet, evaluation, names, "at least", bar);
    }
}

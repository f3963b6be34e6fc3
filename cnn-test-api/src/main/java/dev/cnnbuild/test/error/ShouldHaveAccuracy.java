package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model whose accuracy is too low, with its weakest classes and most frequent confusions.
 *
 * <pre>{@code
 * // Expecting accuracy of model mnist-cnn on its test set (9,712 of 10,000 correct) to be above 0.9800 but was
 * // 0.9712; weakest classes: 8 (0.9420), 9 (0.9511), 5 (0.9601); most frequent confusions: 4->9 (23), 7->2 (18)
 * throwAssertionError(ShouldHaveAccuracy.shouldHaveAccuracyAbove("mnist-cnn", "its test set", evaluation, 0.98));
 * }</pre>
 */
public final class ShouldHaveAccuracy extends BasicErrorMessageFactory {

    private ShouldHaveAccuracy(String model, String testSet, Evaluation evaluation, String comparison, double bar) {
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
                unquotedString(EvaluationText.lowest(evaluation, evaluation::recall)),
                unquotedString(EvaluationText.confusions(evaluation)));
    }

    /**
     * Creates the message for an accuracy not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param bar the accuracy it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveAccuracyAbove(
            String model, String testSet, Evaluation evaluation, double bar) {
        return new ShouldHaveAccuracy(model, testSet, evaluation, "above", bar);
    }

    /**
     * Creates the message for an accuracy below the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param bar the accuracy it had to reach
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveAccuracyAtLeast(
            String model, String testSet, Evaluation evaluation, double bar) {
        return new ShouldHaveAccuracy(model, testSet, evaluation, "at least", bar);
    }
}

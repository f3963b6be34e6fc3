package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a class whose accuracy, which is its recall, is too low, with what its images were taken
 * for; {@code hasClassAccuracyAbove} and {@code hasRecallAbove} both fail with it.
 *
 * <pre>{@code
 * // Expecting accuracy (recall) of model pets on class cat of its test set (17 of 20 correct) to be above 0.9 but
 * // was 0.8500; its images were mistaken most for: dog (3)
 * throwAssertionError(ShouldHaveClassAccuracyAbove.shouldHaveClassAccuracyAbove("pets", "its test set",
 *         evaluation, names, 0, 0.9));
 * }</pre>
 */
public final class ShouldHaveClassAccuracyAbove extends BasicErrorMessageFactory {

    private ShouldHaveClassAccuracyAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, int label, double bar) {
        super(
                "Expecting accuracy (recall) of model %s on class %s of %s (%s of %s correct) to be above %s but was %s;"
                        + " its images were mistaken most for: %s",
                unquotedString(model),
                unquotedString(names.name(label)),
                unquotedString(testSet),
                unquotedString(FigureText.count(evaluation.confusion()[label][label])),
                unquotedString(FigureText.count(evaluation.support(label))),
                unquotedString(FigureText.limit(bar)),
                unquotedString(FigureText.value(evaluation.recall(label))),
                unquotedString(EvaluationText.mistakenFor(evaluation, label, names)));
    }

    /**
     * Creates the message, naming the classes.
     *
     * <pre>{@code
     * // Expecting accuracy (recall) of model pets on class cat of its test set (17 of 20 correct) to be above 0.9 but
     * // was 0.8500; its images were mistaken most for: dog (3)
     * }</pre>
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the model's evaluation on it
     * @param names the model's class names
     * @param label the class
     * @param bar the accuracy it had to be above
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveClassAccuracyAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, int label, double bar) {
        return new ShouldHaveClassAccuracyAbove(model, testSet, evaluation, names, label, bar);
    }
}

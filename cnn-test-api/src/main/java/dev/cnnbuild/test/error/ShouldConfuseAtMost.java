package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model that takes too many images of one class for another.
 *
 * <pre>{@code
 * // Expecting at most 0.05 of the class cat images of model pets on its test set to be predicted as dog but
 * // 0.1500 were (3 of 20)
 * throwAssertionError(ShouldConfuseAtMost.shouldConfuseAtMost("pets", "its test set", evaluation, names, 0, 1, 0.05));
 * }</pre>
 */
public final class ShouldConfuseAtMost extends BasicErrorMessageFactory {

    private ShouldConfuseAtMost(
            String model,
            String testSet,
            Evaluation evaluation,
            ClassNames names,
            int actual,
            int predicted,
            double bar) {
        super(
                "Expecting at most %s of the class %s images of model %s on %s to be predicted as %s but %s were"
                        + " (%s of %s)",
                unquotedString(FigureText.limit(bar)),
                unquotedString(names.name(actual)),
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(names.name(predicted)),
                unquotedString(FigureText.value(evaluation.confusionRate(actual, predicted))),
                unquotedString(FigureText.count(evaluation.confusion()[actual][predicted])),
                unquotedString(FigureText.count(evaluation.support(actual))));
    }

    /**
     * Creates the message, naming the classes.
     *
     * <pre>{@code
     * // Expecting at most 0.05 of the class cat images of model pets on its test set to be predicted as dog but
     * // 0.1500 were (3 of 20)
     * }</pre>
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the model's evaluation on it
     * @param names the model's class names
     * @param actual the true class
     * @param predicted the class it was taken for
     * @param bar the largest share allowed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldConfuseAtMost(
            String model,
            String testSet,
            Evaluation evaluation,
            ClassNames names,
            int actual,
            int predicted,
            double bar) {
        return new ShouldConfuseAtMost(model, testSet, evaluation, names, actual, predicted, bar);
    }
}

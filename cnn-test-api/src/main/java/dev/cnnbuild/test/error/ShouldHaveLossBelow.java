package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.text.Counted;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model whose mean cross-entropy loss is too high.
 *
 * <pre>{@code
 * // Expecting mean cross-entropy loss of model bands on its test set (3,000 images) to be below 0.1000 but was
 * // 0.3397
 * throwAssertionError(ShouldHaveLossBelow.shouldHaveLossBelow("bands", "its test set", evaluation, 0.1));
 * }</pre>
 */
public final class ShouldHaveLossBelow extends BasicErrorMessageFactory {

    private ShouldHaveLossBelow(String model, String testSet, Evaluation evaluation, double bar) {
        super(
                "Expecting mean cross-entropy loss of model %s on %s (%s) to be below %s but was %s",
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(Counted.of(evaluation.count(), "image")),
                unquotedString(FigureText.limit(bar)),
                unquotedString(FigureText.value(evaluation.loss())));
    }

    /**
     * Creates the message.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param bar the loss it had to stay below
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveLossBelow(
            String model, String testSet, Evaluation evaluation, double bar) {
        return new ShouldHaveLossBelow(model, testSet, evaluation, bar);
    }
}

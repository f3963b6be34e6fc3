package dev.cnnbuild.test.error;

import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model with too many parameters.
 *
 * <pre>{@code
 * // Expecting model mnist-cnn to have fewer than 100,000 parameters but it has 106,346
 * throwAssertionError(ShouldHaveParameterCountBelow.shouldHaveParameterCountBelow("mnist-cnn", 106_346, 100_000));
 * }</pre>
 */
public final class ShouldHaveParameterCountBelow extends BasicErrorMessageFactory {

    private ShouldHaveParameterCountBelow(String model, long count, long bar) {
        super(
                "Expecting model %s to have fewer than %s parameters but it has %s",
                unquotedString(model), unquotedString(FigureText.count(bar)), unquotedString(FigureText.count(count)));
    }

    /**
     * Creates the message.
     *
     * @param model the model's name
     * @param count the counted trainable parameters
     * @param bar the count it had to stay below
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveParameterCountBelow(String model, long count, long bar) {
        return new ShouldHaveParameterCountBelow(model, count, bar);
    }
}

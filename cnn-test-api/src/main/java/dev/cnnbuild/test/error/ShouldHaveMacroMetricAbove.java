package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import java.util.function.IntToDoubleFunction;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a macro average (the unweighted mean over classes) that is too low, with the classes
 * that pull it down.
 *
 * <pre>{@code
 * // Expecting macro F1 of model bands on its test set to be above 0.9800 but was 0.9465; lowest classes:
 * // 0 (0.9474), 1 (0.9091), 2 (0.9612)
 * throwAssertionError(ShouldHaveMacroMetricAbove.shouldHaveMacroF1Above("bands", "its test set", evaluation, 0.98));
 * }</pre>
 */
public final class ShouldHaveMacroMetricAbove extends BasicErrorMessageFactory {

    private ShouldHaveMacroMetricAbove(
            String metric,
            String model,
            String testSet,
            double bar,
            double value,
            Evaluation evaluation,
            IntToDoubleFunction perClass) {
        super(
                "Expecting macro %s of model %s on %s to be above %s but was %s; lowest classes: %s",
                unquotedString(metric),
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(FigureText.limit(bar)),
                unquotedString(FigureText.value(value)),
                unquotedString(EvaluationText.lowest(evaluation, perClass)));
    }

    /**
     * Creates the message for a macro precision not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param bar the macro precision it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMacroPrecisionAbove(
            String model, String testSet, Evaluation evaluation, double bar) {
        return new ShouldHaveMacroMetricAbove(
                "precision", model, testSet, bar, evaluation.macroPrecision(), evaluation, evaluation::precision);
    }

    /**
     * Creates the message for a macro recall not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param bar the macro recall it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMacroRecallAbove(
            String model, String testSet, Evaluation evaluation, double bar) {
        return new ShouldHaveMacroMetricAbove(
                "recall", model, testSet, bar, evaluation.macroRecall(), evaluation, evaluation::recall);
    }

    /**
     * Creates the message for a macro F1 not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param bar the macro F1 it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMacroF1Above(
            String model, String testSet, Evaluation evaluation, double bar) {
        return new ShouldHaveMacroMetricAbove(
                "F1", model, testSet, bar, evaluation.macroF1(), evaluation, evaluation::f1);
    }
}

package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
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
 * // Expecting macro F1 of model pets on its test set to be above 0.9 but was 0.8591; lowest classes:
 * // fox (0.7778), cat (0.8947), dog (0.9048)
 * throwAssertionError(ShouldHaveMacroMetricAbove.shouldHaveMacroF1Above("pets", "its test set", evaluation, names,
 *         0.9));
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
            ClassNames names,
            IntToDoubleFunction perClass) {
        super(
                "Expecting macro %s of model %s on %s to be above %s but was %s; lowest classes: %s",
                unquotedString(metric),
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(FigureText.limit(bar)),
                unquotedString(FigureText.value(value)),
                unquotedString(EvaluationText.lowest(evaluation, names, perClass)));
    }

    /**
     * Creates the message for a macro precision not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param bar the macro precision it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMacroPrecisionAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, double bar) {
        return new ShouldHaveMacroMetricAbove(
                "precision",
                model,
                testSet,
                bar,
                evaluation.macroPrecision(),
                evaluation,
                names,
                evaluation::precision);
    }

    /**
     * Creates the message for a macro recall not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param bar the macro recall it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMacroRecallAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, double bar) {
        return new ShouldHaveMacroMetricAbove(
                "recall", model, testSet, bar, evaluation.macroRecall(), evaluation, names, evaluation::recall);
    }

    /**
     * Creates the message for a macro F1 not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param bar the macro F1 it had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMacroF1Above(
            String model, String testSet, Evaluation evaluation, ClassNames names, double bar) {
        return new ShouldHaveMacroMetricAbove(
                "F1", model, testSet, bar, evaluation.macroF1(), evaluation, names, evaluation::f1);
    }
}

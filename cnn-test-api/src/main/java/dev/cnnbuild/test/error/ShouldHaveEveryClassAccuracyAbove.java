package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model some of whose classes are below the bar: every such class, weakest first.
 *
 * <pre>{@code
 * // Expecting every class of model pets on its test set to have accuracy above 0.9 but 2 of 3 classes did not:
 * // fox (0.7000, 14 of 20 correct), cat (0.8500, 17 of 20 correct)
 * throwAssertionError(ShouldHaveEveryClassAccuracyAbove.shouldHaveEveryClassAccuracyAbove("pets",
 *         "its test set", evaluation, names, 0.9));
 * }</pre>
 */
public final class ShouldHaveEveryClassAccuracyAbove extends BasicErrorMessageFactory {

    private ShouldHaveEveryClassAccuracyAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, List<Integer> failing, double bar) {
        super(
                "Expecting every class of model %s on %s to have accuracy above %s but %s of %s classes did not: %s",
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(FigureText.limit(bar)),
                failing.size(),
                evaluation.classes(),
                unquotedString(failing.stream()
                        .map(c -> names.name(c) + " (" + FigureText.value(evaluation.recall(c)) + ", "
                                + FigureText.count(evaluation.confusion()[c][c]) + " of "
                                + FigureText.count(evaluation.support(c)) + " correct)")
                        .collect(Collectors.joining(", "))));
    }

    /**
     * Creates the message; call it only when some class is not above the bar.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param evaluation the measured evaluation
     * @param names the model's class names
     * @param bar the accuracy every class had to exceed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveEveryClassAccuracyAbove(
            String model, String testSet, Evaluation evaluation, ClassNames names, double bar) {
        List<Integer> failing = IntStream.range(0, evaluation.classes())
                .boxed()
                .filter(c -> !(evaluation.recall(c) > bar))
                .sorted(Comparator.comparingDouble(evaluation::recall))
                .toList();
        return new ShouldHaveEveryClassAccuracyAbove(model, testSet, evaluation, names, failing, bar);
    }
}

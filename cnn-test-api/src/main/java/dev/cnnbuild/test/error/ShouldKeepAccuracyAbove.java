package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.FigureText;
import dev.cnnbuild.core.robustness.ImagePerturbation;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model whose accuracy falls below the bar when its test images are perturbed: each
 * failing perturbation with its accuracy, and the accuracy on the images as they are.
 *
 * <pre>{@code
 * // Expecting accuracy of model mnist-cnn on its test set to stay above 0.9500 with Gaussian noise of sigma
 * // 0.3000 (seed 42) but it was 0.8123 (8,123 of 10,000 correct); 0.9866 without it
 * throwAssertionError(ShouldKeepAccuracyAbove.shouldKeepAccuracyAbove("mnist-cnn", "its test set",
 *         Map.of(GaussianNoise.of(0.3), noisy), GaussianNoise.of(0.3).describe(), false, plain, 0.95));
 * }</pre>
 */
public final class ShouldKeepAccuracyAbove extends BasicErrorMessageFactory {

    private ShouldKeepAccuracyAbove(
            String model, String testSet, String perturbations, String failures, Evaluation unperturbed, double bar) {
        super(
                "Expecting accuracy of model %s on %s to stay above %s with %s but it was %s; %s without it",
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(FigureText.limit(bar)),
                unquotedString(perturbations),
                unquotedString(failures),
                unquotedString(FigureText.value(unperturbed.accuracy())));
    }

    /**
     * Creates the message.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param failing each perturbation whose accuracy is not above the bar, with its evaluation, in order
     * @param perturbations what was applied, in words, such as {@code "images shifted 2 pixels in each direction"}
     * @param several whether several perturbations were tried, so that each failure names its own
     * @param unperturbed the evaluation on the images as they are
     * @param bar the accuracy it had to stay above
     * @return the message factory
     */
    public static ErrorMessageFactory shouldKeepAccuracyAbove(
            String model,
            String testSet,
            Map<ImagePerturbation, Evaluation> failing,
            String perturbations,
            boolean several,
            Evaluation unperturbed,
            double bar) {
        String failures = failing.entrySet().stream()
                .map(entry -> FigureText.value(entry.getValue().accuracy()) + " ("
                        + FigureText.count(entry.getValue().correct()) + " of "
                        + FigureText.count(entry.getValue().count())
                        + " correct)" + (several ? " " + entry.getKey().describe() : ""))
                .collect(Collectors.joining(", "));
        return new ShouldKeepAccuracyAbove(model, testSet, perturbations, failures, unperturbed, bar);
    }
}

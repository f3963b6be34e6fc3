package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model that predicts the right class for an image, but not confidently enough.
 *
 * <pre>{@code
 * // Expecting model pets to classify image faint.png as cat with confidence above 0.9 but the confidence was
 * // 0.6927 (probabilities cat: 0.6927, dog: 0.1537, fox: 0.1537)
 * throwAssertionError(ShouldClassifyWithConfidenceAbove.shouldClassifyWithConfidenceAbove("pets",
 *         "image faint.png", names, 0.9, prediction));
 * }</pre>
 */
public final class ShouldClassifyWithConfidenceAbove extends BasicErrorMessageFactory {

    private ShouldClassifyWithConfidenceAbove(
            String model, String image, ClassNames names, double bar, Prediction prediction) {
        super(
                "Expecting model %s to classify %s as %s with confidence above %s but the confidence was %s"
                        + " (probabilities %s)",
                unquotedString(model),
                unquotedString(image),
                unquotedString(names.name(prediction.label())),
                unquotedString(FigureText.limit(bar)),
                unquotedString(FigureText.value(prediction.confidence())),
                unquotedString(EvaluationText.probabilities(prediction, names)));
    }

    /**
     * Creates the message; the prediction has the expected class.
     *
     * @param model the model's name
     * @param image how the image is called
     * @param names the model's class names
     * @param bar the confidence it had to exceed
     * @param prediction what the model predicted
     * @return the message factory
     */
    public static ErrorMessageFactory shouldClassifyWithConfidenceAbove(
            String model, String image, ClassNames names, double bar, Prediction prediction) {
        return new ShouldClassifyWithConfidenceAbove(model, image, names, bar, prediction);
    }
}

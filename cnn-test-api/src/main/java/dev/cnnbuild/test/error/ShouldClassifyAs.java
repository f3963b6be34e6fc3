package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.metrics.FigureText;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model that predicts another class for an image, with its most probable classes.
 *
 * <pre>{@code
 * // Expecting model pets to classify image cat.png as cat but it predicted dog with confidence 0.7012
 * // (probabilities dog: 0.7012, cat: 0.2810, fox: 0.0178)
 * throwAssertionError(ShouldClassifyAs.shouldClassifyAs("pets", "image cat.png", names, 0, prediction));
 * }</pre>
 */
public final class ShouldClassifyAs extends BasicErrorMessageFactory {

    private ShouldClassifyAs(String model, String image, ClassNames names, int label, Prediction prediction) {
        super(
                "Expecting model %s to classify %s as %s but it predicted %s with confidence %s (probabilities %s)",
                unquotedString(model),
                unquotedString(image),
                unquotedString(names.name(label)),
                unquotedString(names.name(prediction.label())),
                unquotedString(FigureText.value(prediction.confidence())),
                unquotedString(EvaluationText.probabilities(prediction, names)));
    }

    /**
     * Creates the message, naming the classes: {@code ... as cat but it predicted dog ... (probabilities dog: 0.7012,
     * cat: 0.2988)}.
     *
     * @param model the model's name
     * @param image how the image is called
     * @param names the model's class names
     * @param label the expected class
     * @param prediction what the model predicted
     * @return the message factory
     */
    public static ErrorMessageFactory shouldClassifyAs(
            String model, String image, ClassNames names, int label, Prediction prediction) {
        return new ShouldClassifyAs(model, image, names, label, prediction);
    }
}

package dev.cnnbuild.core.evaluation;

import java.util.List;

/**
 * An evaluation together with the prediction of every image it counted, both from the same forward passes: what a
 * report needs (the figures and the misclassified images) without a second pass over the data.
 *
 * <pre>{@code
 * PredictedEvaluation result = classifier.evaluateAndPredict(testSet, 1000);
 * result.evaluation().accuracy();
 * result.predictions().get(0).label();
 * }</pre>
 *
 * @param evaluation the confusion matrix and summed loss
 * @param predictions one prediction per image, in the dataset's order
 */
public record PredictedEvaluation(Evaluation evaluation, List<Prediction> predictions) {

    /** Copies the predictions. */
    public PredictedEvaluation {
        predictions = List.copyOf(predictions);
    }
}

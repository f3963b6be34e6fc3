package dev.cnnbuild.core.evaluation;

/**
 * What a network predicted for each image of a set: the most probable class and its softmax probability.
 *
 * <pre>{@code
 * Predictions predictions = Predictor.predict(network, manager, testSet.images(), 1000);
 * predictions.label(17);       // 4
 * predictions.confidence(17);  // 0.87
 * }</pre>
 *
 * @param labels the predicted class of each image
 * @param confidences the softmax probability of that class, from 0 to 1
 */
public record Predictions(int[] labels, float[] confidences) {

    /** Checks that there is one confidence per label. */
    public Predictions {
        if (labels.length != confidences.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + confidences.length + " confidences");
        }
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /** Returns the predicted class of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Returns the softmax probability of the predicted class of image {@code i}. */
    public float confidence(int i) {
        return confidences[i];
    }
}

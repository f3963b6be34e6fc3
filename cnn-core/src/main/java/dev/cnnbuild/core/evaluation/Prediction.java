package dev.cnnbuild.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a network says about one image: the predicted class and the softmax probability of every class.
 *
 * <pre>{@code
 * Prediction prediction = classifier.predict(images, 0);
 * prediction.label();        // 7
 * prediction.confidence();   // 0.9981, the probability of class 7
 * Prediction.of(new float[] {0.1f, 0.7f, 0.2f}).label();   // 1
 * Prediction.ofRows(new float[] {0.9f, 0.1f, 0.3f, 0.7f}, 2);   // labels 0 and 1
 * }</pre>
 *
 * @param label the class with the highest probability (the lowest index among equals)
 * @param probabilities one probability per class, summing to one
 */
public record Prediction(int label, float[] probabilities) {

    /**
     * Returns the prediction of the most probable class.
     *
     * @param probabilities one probability per class, as the softmax of a network's logits gives them
     * @return the prediction of the class with the highest probability, the lowest index among equals
     */
    public static Prediction of(float[] probabilities) {
        int label = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[label]) {
                label = c;
            }
        }
        return new Prediction(label, probabilities);
    }

    /**
     * Returns one prediction per row of a row-major {@code rows x classes} matrix of probabilities.
     *
     * @param probabilities the matrix, such as a softmax output's {@code toFloatArray()}
     * @param classes the number of columns
     * @return the rows' predictions, in order
     */
    public static List<Prediction> ofRows(float[] probabilities, int classes) {
        List<Prediction> predictions = new ArrayList<>(probabilities.length / classes);
        for (int row = 0; row < probabilities.length / classes; row++) {
            predictions.add(of(Arrays.copyOfRange(probabilities, row * classes, (row + 1) * classes)));
        }
        return predictions;
    }

    /**
     * Returns one prediction per row of a row-major {@code rows x classes} matrix of logits, each row's softmax
     * taken in Java as PyTorch takes it (the largest logit subtracted before {@code exp}): the same probabilities
     * within float rounding.
     *
     * <pre>{@code
     * Prediction.ofLogitRows(new float[] {2f, 0f, 0f, 2f}, 2);   // labels 0 and 1, probabilities 0.881 and 0.119
     * }</pre>
     *
     * @param logits the matrix, such as a network's output's {@code toFloatArray()}
     * @param classes the number of columns
     * @return the rows' predictions, in order
     */
    public static List<Prediction> ofLogitRows(float[] logits, int classes) {
        List<Prediction> predictions = new ArrayList<>(logits.length / classes);
        for (int row = 0; row < logits.length / classes; row++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[row * classes + c]);
            }
            double[] exps = new double[classes];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                exps[c] = Math.exp((double) logits[row * classes + c] - max);
                sum += exps[c];
            }
            float[] probabilities = new float[classes];
            for (int c = 0; c < classes; c++) {
                probabilities[c] = (float) (exps[c] / sum);
            }
            predictions.add(of(probabilities));
        }
        return predictions;
    }

    /** Returns the probability of the predicted class. */
    public double confidence() {
        return probabilities[label];
    }

    /** Returns the probability of class {@code c}. */
    public double probability(int c) {
        return probabilities[c];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction p && p.label == label && Arrays.equals(p.probabilities, probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * label + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Prediction[label=" + label + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}

package dev.cnnbuild.core.evaluation;

import java.util.Arrays;

/**
 * What a network says about one image: the predicted class and the softmax probability of every class.
 *
 * <pre>{@code
 * Prediction prediction = classifier.predict(images, 0);
 * prediction.label();        // 7
 * prediction.confidence();   // 0.9981, the probability of class 7
 * }</pre>
 *
 * @param label the class with the highest probability (the lowest index among equals)
 * @param probabilities one probability per class, summing to one
 */
public record Prediction(int label, float[] probabilities) {

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

package dev.cnnbuild.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a model says about one image: the likeliest class with its probability, and every class's probability.
 *
 * <pre>{@code
 * Classification c = classifier.classify(Path.of("digit.png"));
 * c.label();          // "7"
 * c.probability();    // 0.9981
 * c.top(3);           // [7 (0.9981), 1 (0.0012), 9 (0.0004)], likeliest first
 * c.probabilities();  // all classes in the model's class order
 * }</pre>
 *
 * @param probabilities every class with its probability, in the model's class order; they sum to one
 */
public record Classification(List<ClassProbability> probabilities) {

    /**
     * Copies the probabilities.
     *
     * @throws IllegalArgumentException if there are none
     */
    public Classification {
        probabilities = List.copyOf(probabilities);
        if (probabilities.isEmpty()) {
            throw new IllegalArgumentException("a classification needs at least one class");
        }
    }

    /** Returns the likeliest class; among equal probabilities the first in class order, as {@code cnn:check} picks. */
    public ClassProbability best() {
        ClassProbability best = probabilities.get(0);
        for (ClassProbability candidate : probabilities) {
            if (candidate.probability() > best.probability()) {
                best = candidate;
            }
        }
        return best;
    }

    /** Returns the likeliest class's name. */
    public String label() {
        return best().label();
    }

    /** Returns the likeliest class's position in the model's class order. */
    public int index() {
        return best().index();
    }

    /** Returns the likeliest class's probability. */
    public double probability() {
        return best().probability();
    }

    /**
     * Returns the {@code k} likeliest classes, likeliest first (equal probabilities in class order).
     *
     * @param k how many; more than the model's classes gives them all
     * @return at most {@code k} classes
     * @throws IllegalArgumentException if {@code k} is below 1
     */
    public List<ClassProbability> top(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top(" + k + "): ask for at least one class");
        }
        return probabilities.stream()
                .sorted(Comparator.comparingDouble(ClassProbability::probability)
                        .reversed()
                        .thenComparingInt(ClassProbability::index))
                .limit(k)
                .toList();
    }

    @Override
    public String toString() {
        return label() + " (" + String.format(Locale.ROOT, "%.4f", probability()) + ")";
    }
}

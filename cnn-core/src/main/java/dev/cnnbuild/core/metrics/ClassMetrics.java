package dev.cnnbuild.core.metrics;

/**
 * One class's figures on the test set.
 *
 * <pre>{@code
 * ClassMetrics eights = metrics.test().perClass().get(8);
 * eights.recall();
 * }</pre>
 *
 * @param label the class index
 * @param support how many test images belong to the class
 * @param accuracy share of the class's images predicted right (its recall)
 * @param precision share of the images predicted as the class that belong to it
 * @param recall share of the class's images predicted right
 * @param f1 harmonic mean of precision and recall
 */
public record ClassMetrics(int label, long support, double accuracy, double precision, double recall, double f1) {
}

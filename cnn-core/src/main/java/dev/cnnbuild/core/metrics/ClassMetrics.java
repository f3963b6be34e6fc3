package dev.cnnbuild.core.metrics;

/**
 * One class's figures on the test set.
 *
 * <pre>{@code
 * ClassMetrics eights = metrics.test().perClass().get(8);
 * eights.recall();   // also its accuracy: the share of its images predicted right
 * }</pre>
 *
 * <p>A class's accuracy and its recall are one figure, stored once, as {@code recall}. Files written before this
 * read back alike (their {@code accuracy} field, the same figure, is ignored).
 *
 * @param label the class index
 * @param support how many test images belong to the class
 * @param precision share of the images predicted as the class that belong to it
 * @param recall share of the class's images predicted right
 * @param f1 harmonic mean of precision and recall
 */
public record ClassMetrics(int label, long support, double precision, double recall, double f1) {}

package dev.cnnbuild.core.evaluation;

import java.util.Arrays;

/**
 * What a model scored on a dataset: a confusion matrix and the summed loss, from which every figure derives.
 *
 * <p>Row {@code t}, column {@code p} of the confusion matrix counts images of true class {@code t} predicted as
 * {@code p}. Per-class accuracy is the class's recall, the share of its images predicted right. A class that never
 * occurs (or is never predicted) has recall (precision) 0, as scikit-learn reports with {@code zero_division=0}.
 *
 * <pre>{@code
 * Evaluation e = Evaluator.evaluate(network, manager, testSet, 10, 1000);
 * e.accuracy();          // 0.9866
 * e.recall(8);           // share of 8s predicted as 8: the class's recall, also called its accuracy
 * e.confusionRate(4, 9); // share of 4s predicted as 9
 * }</pre>
 *
 * @param confusion the confusion matrix, {@code classes x classes}
 * @param lossSum the summed per-image loss
 */
public record Evaluation(long[][] confusion, double lossSum) {

    /** Returns the number of classes. */
    public int classes() {
        return confusion.length;
    }

    /** Returns the number of evaluated images. */
    public long count() {
        return Arrays.stream(confusion).flatMapToLong(Arrays::stream).sum();
    }

    /** Returns the number of images predicted right. */
    public long correct() {
        long correct = 0;
        for (int c = 0; c < classes(); c++) {
            correct += confusion[c][c];
        }
        return correct;
    }

    /** Returns the share of images predicted right. */
    public double accuracy() {
        return ratio(correct(), count());
    }

    /** Returns the mean loss per image. */
    public double loss() {
        return count() == 0 ? 0 : lossSum / count();
    }

    /** Returns how many images of class {@code c} there are. */
    public long support(int c) {
        return Arrays.stream(confusion[c]).sum();
    }

    /** Returns how many images were predicted as class {@code c}. */
    public long predicted(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted;
    }

    /** Returns the recall of class {@code c}: the share of its images predicted as {@code c}, also its accuracy. */
    public double recall(int c) {
        return ratio(confusion[c][c], support(c));
    }

    /** Returns the precision of class {@code c}: the share of images predicted as {@code c} that are {@code c}. */
    public double precision(int c) {
        return ratio(confusion[c][c], predicted(c));
    }

    /** Returns the F1 score of class {@code c}. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Returns the unweighted mean precision over classes. */
    public double macroPrecision() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += precision(c);
        }
        return sum / classes();
    }

    /** Returns the unweighted mean recall over classes. */
    public double macroRecall() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += recall(c);
        }
        return sum / classes();
    }

    /** Returns the unweighted mean F1 score over classes. */
    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += f1(c);
        }
        return sum / classes();
    }

    /** Returns the share of class {@code actual}'s images predicted as {@code predicted}. */
    public double confusionRate(int actual, int predicted) {
        return ratio(confusion[actual][predicted], support(actual));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}

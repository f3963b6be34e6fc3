package dev.cnnbuild.core.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One epoch's figures: training loss and accuracy measured on the batches as they were trained; validation (if
 * part of the training set is held out) and test loss and accuracy (if the test set was measured after this epoch:
 * the last epoch, or every epoch with {@code training.testPass: everyEpoch}) measured after the epoch in inference
 * mode.
 *
 * <pre>{@code
 * EpochMetrics last = trained.history().get(trained.history().size() - 1);
 * System.out.println(last.testAccuracy());
 * }</pre>
 *
 * <p>In {@code metrics.json} the validation figures are left out when there is no validation set, and the test
 * figures when the test set was not measured after the epoch; files written before they existed read back with
 * {@code null} there, and so does {@code learningRate}.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean training loss over the epoch's batches: the cross-entropy, with label smoothing and class
 *     weights where the model file asks for them
 * @param trainAccuracy share of the epoch's training images predicted right while training
 * @param testLoss mean cross-entropy on the test set; {@code null} if it was not measured after this epoch
 * @param testAccuracy share of the test set predicted right; {@code null} if it was not measured after this epoch
 * @param trainSeconds seconds spent training this epoch (without the test pass)
 * @param imagesPerSecond training images per second this epoch
 * @param validationLoss mean cross-entropy on the validation set; {@code null} without one
 * @param validationAccuracy share of the validation set predicted right; {@code null} without one
 * @param learningRate the learning rate of the epoch's last optimizer step (with a {@code schedule} it changes
 *     every step); {@code null} in files written before it was recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        Double testLoss,
        Double testAccuracy,
        double trainSeconds,
        double imagesPerSecond,
        Double validationLoss,
        Double validationAccuracy,
        Double learningRate) {

    /** Checks nothing; marks this as the constructor that reads JSON. */
    @JsonCreator
    public EpochMetrics {}

    /**
     * An epoch's figures without its learning rate.
     *
     * <pre>{@code
     * new EpochMetrics(1, 0.45, 0.87, null, null, 52.1, 1180, 0.13, 0.96);
     * }</pre>
     *
     * @param epoch the epoch, from 1
     * @param trainLoss mean cross-entropy over the epoch's batches
     * @param trainAccuracy share of the epoch's training images predicted right while training
     * @param testLoss mean cross-entropy on the test set, or {@code null}
     * @param testAccuracy share of the test set predicted right, or {@code null}
     * @param trainSeconds seconds spent training this epoch
     * @param imagesPerSecond training images per second this epoch
     * @param validationLoss mean cross-entropy on the validation set, or {@code null}
     * @param validationAccuracy share of the validation set predicted right, or {@code null}
     */
    public EpochMetrics(
            int epoch,
            double trainLoss,
            double trainAccuracy,
            Double testLoss,
            Double testAccuracy,
            double trainSeconds,
            double imagesPerSecond,
            Double validationLoss,
            Double validationAccuracy) {
        this(
                epoch,
                trainLoss,
                trainAccuracy,
                testLoss,
                testAccuracy,
                trainSeconds,
                imagesPerSecond,
                validationLoss,
                validationAccuracy,
                null);
    }

    /**
     * An epoch's figures without a validation set, measured on the test set.
     *
     * <pre>{@code
     * new EpochMetrics(1, 0.45, 0.87, 0.12, 0.96, 52.1, 1180);
     * }</pre>
     *
     * @param epoch the epoch, from 1
     * @param trainLoss mean cross-entropy over the epoch's batches
     * @param trainAccuracy share of the epoch's training images predicted right while training
     * @param testLoss mean cross-entropy on the test set
     * @param testAccuracy share of the test set predicted right
     * @param trainSeconds seconds spent training this epoch
     * @param imagesPerSecond training images per second this epoch
     */
    public EpochMetrics(
            int epoch,
            double trainLoss,
            double trainAccuracy,
            double testLoss,
            double testAccuracy,
            double trainSeconds,
            double imagesPerSecond) {
        this(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, trainSeconds, imagesPerSecond, null, null, null);
    }

    /** Returns whether the test set was measured after this epoch. */
    public boolean hasTest() {
        return testLoss != null;
    }

    /** Returns whether the epoch was validated on held-out training images. */
    public boolean hasValidation() {
        return validationLoss != null;
    }
}

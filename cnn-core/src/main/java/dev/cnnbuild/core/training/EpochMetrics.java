package dev.cnnbuild.core.training;

/**
 * One epoch's figures: training loss and accuracy measured on the batches as they were trained, test loss and
 * accuracy measured after the epoch in inference mode.
 *
 * <pre>{@code
 * EpochMetrics last = trained.history().get(trained.history().size() - 1);
 * System.out.println(last.testAccuracy());
 * }</pre>
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean cross-entropy over the epoch's batches
 * @param trainAccuracy share of the epoch's training images predicted right while training
 * @param testLoss mean cross-entropy on the test set
 * @param testAccuracy share of the test set predicted right
 * @param trainSeconds seconds spent training this epoch (without the test pass)
 * @param imagesPerSecond training images per second this epoch
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
        double trainSeconds, double imagesPerSecond) {
}

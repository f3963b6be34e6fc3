package dev.cnnbuild.core.training;

/**
 * Where an epoch stands after a batch.
 *
 * <pre>{@code
 * listener.onBatch(new BatchProgress(1, 10, 45, 234, 1180.0, 0.4123, 40.2));
 * }</pre>
 *
 * @param epoch the epoch, from 1
 * @param epochs the number of epochs
 * @param batch batches done in this epoch
 * @param batches batches per epoch
 * @param imagesPerSecond training throughput so far in this epoch
 * @param runningLoss mean loss of this epoch's batches so far
 * @param secondsLeft estimated seconds to the end of the epoch
 */
public record BatchProgress(
        int epoch,
        int epochs,
        int batch,
        int batches,
        double imagesPerSecond,
        double runningLoss,
        double secondsLeft) {}

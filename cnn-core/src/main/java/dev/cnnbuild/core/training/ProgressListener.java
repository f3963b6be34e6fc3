package dev.cnnbuild.core.training;

/**
 * Tells the trainer's {@link TrainingListener} where an epoch stands after each batch (throughput, running loss,
 * time left) and each epoch's figures once the epoch is done, its checkpoint included.
 *
 * <pre>{@code
 * new ProgressListener(new ProgressPrinter(System.out::println), 10, 256);
 * }</pre>
 */
final class ProgressListener implements LoopListener {
    private final TrainingListener listener;
    private final int epochs;
    private final int batchSize;

    ProgressListener(TrainingListener listener, int epochs, int batchSize) {
        this.listener = listener;
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    @Override
    public void onBatch(BatchEnd batch) {
        double seconds = (System.nanoTime() - batch.epochStartNanos()) / 1e9;
        int done = batch.batch();
        listener.onBatch(new BatchProgress(
                batch.epoch(),
                epochs,
                done,
                batch.batches(),
                done * batchSize / seconds,
                batch.lossSum() / done,
                seconds / done * (batch.batches() - done)));
    }

    @Override
    public void onEpoch(EpochEnd epoch) {
        listener.onEpoch(epoch.metrics());
    }
}

package dev.cnnbuild.core.training;

/**
 * Stops a diverging run at the batch whose loss is not finite: a NaN or infinite loss never recovers, and its model
 * must not be written.
 *
 * <pre>{@code
 * new DivergenceListener("mnist-cnn").onBatch(batch);
 * // TrainingException: mnist-cnn: training diverged: the loss is NaN in epoch 1, batch 2 of 16; lower the learning
 * // rate ('learningRate' under 'training.optimizer'), and check the data; no model was written
 * }</pre>
 */
final class DivergenceListener implements LoopListener {
    private final String modelName;

    DivergenceListener(String modelName) {
        this.modelName = modelName;
    }

    @Override
    public void onBatch(BatchEnd batch) throws TrainingException {
        if (!Double.isFinite(batch.loss())) {
            throw new TrainingException(modelName + ": training diverged: the loss is " + batch.loss() + " in epoch "
                    + batch.epoch() + ", batch " + batch.batch() + " of " + batch.batches() + "; lower the learning"
                    + " rate ('learningRate' under 'training.optimizer'), and check the data; no model was written");
        }
    }
}

package dev.cnnbuild.core.training;

import ai.djl.nn.Block;
import dev.cnnbuild.core.optimizer.ResumableOptimizer;
import java.io.IOException;

/**
 * Saves a checkpoint after every epoch ({@link CheckpointStore}): the parameters, the optimizer's whole state, the
 * history, and with early stopping the best epoch's parameters, so that a killed run resumes from the last complete
 * epoch and ends as an uninterrupted one would. A checkpoint that cannot be written stops the training; the one saved
 * before it stays.
 *
 * <pre>{@code
 * new CheckpointListener("mnist-cnn", CheckpointStore.beside(output, "mnist-cnn"), fingerprint.value(), 10,
 *         network, optimizer, null);
 * }</pre>
 */
final class CheckpointListener implements LoopListener {
    private final String modelName;
    private final CheckpointStore store;
    private final String fingerprint;
    private final int epochs;
    private final Block network;
    private final ResumableOptimizer optimizer;
    private final EarlyStoppingListener stopping;

    /**
     * A listener that saves into {@code store}.
     *
     * @param modelName the model's name, for the error
     * @param store where checkpoints go
     * @param fingerprint the run's inputs' fingerprint, which a resumed run must match
     * @param epochs the model file's epochs
     * @param network the network
     * @param optimizer the optimizer, whose state is saved
     * @param stopping early stopping, whose best parameters are saved too; {@code null} without early stopping
     */
    CheckpointListener(
            String modelName,
            CheckpointStore store,
            String fingerprint,
            int epochs,
            Block network,
            ResumableOptimizer optimizer,
            EarlyStoppingListener stopping) {
        this.modelName = modelName;
        this.store = store;
        this.fingerprint = fingerprint;
        this.epochs = epochs;
        this.network = network;
        this.optimizer = optimizer;
        this.stopping = stopping;
    }

    @Override
    public void onEpoch(EpochEnd end) throws TrainingException {
        int epoch = end.metrics().epoch();
        Checkpoint checkpoint = new Checkpoint(fingerprint, epoch, epochs, end.optimizerSteps(), end.history());
        try {
            store.save(checkpoint, network, optimizer, stopping == null ? null : stopping.bestUnlessLatest(epoch));
        } catch (IOException e) {
            throw new TrainingException(modelName + ": cannot write the checkpoint after epoch " + epoch + " to "
                    + store.folder() + " (" + e + ")");
        }
    }
}

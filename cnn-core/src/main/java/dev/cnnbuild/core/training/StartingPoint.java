package dev.cnnbuild.core.training;

import ai.djl.ndarray.NDList;
import dev.cnnbuild.core.metrics.EpochMetrics;
import java.util.List;

/**
 * Where a run starts: at epoch 1, or after the epoch of a checkpoint, whose parameters are then already loaded into
 * the network.
 *
 * <pre>{@code
 * StartingPoint start = StartingPoint.FRESH;   // or saved.load(network, manager)
 * for (int epoch = start.epoch() + 1; epoch <= epochs; epoch++) { ... }
 * }</pre>
 *
 * @param epoch the last epoch done, 0 for a fresh start
 * @param optimizerSteps the optimizer steps taken so far
 * @param history one entry per epoch done
 * @param optimizerState the optimizer's exported state; {@code null} for a fresh start
 * @param bestParameters the parameters of the best epoch so far, in DJL's parameter format; {@code null} for a
 *     fresh start
 */
record StartingPoint(
        int epoch, int optimizerSteps, List<EpochMetrics> history, NDList optimizerState, byte[] bestParameters) {

    /** A run from freshly initialised parameters. */
    static final StartingPoint FRESH = new StartingPoint(0, 0, List.of(), null, null);
}

package dev.cnnbuild.core.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.spec.EarlyStoppingSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Early stopping ({@code training.earlyStopping}) as a listener of the epoch loop: watches the metric epoch by epoch
 * ({@link EarlyStopping}), keeps a copy of the best epoch's parameters, stops training once the metric has not
 * improved for {@code patience} epochs, and at the end loads the best epoch's parameters back. A resumed run starts
 * from the checkpoint's history and best parameters, so it stops where an uninterrupted one would.
 *
 * <pre>{@code
 * EarlyStoppingListener stopping = new EarlyStoppingListener(spec.training().earlyStopping(), network,
 *         start.history(), start.bestParameters());
 * // after the loop:
 * EarlyStoppingResult result = stopping.finish(network, manager, lastEpoch, epochs);
 * }</pre>
 */
final class EarlyStoppingListener implements LoopListener {
    private final EarlyStopping stopping;
    private final Block network;
    private byte[] best;

    /**
     * A listener that has seen the epochs of an earlier run.
     *
     * @param spec the model file's {@code training.earlyStopping}
     * @param network the network whose parameters are kept
     * @param earlier the figures of the epochs trained before a resume; empty on a fresh start
     * @param best the best epoch's parameters saved with the checkpoint, if it was not the last one
     */
    EarlyStoppingListener(EarlyStoppingSpec spec, Block network, List<EpochMetrics> earlier, byte[] best) {
        this.stopping = new EarlyStopping(spec);
        this.network = network;
        this.best = best;
        earlier.forEach(stopping::observe);
    }

    @Override
    public void onEpoch(EpochEnd epoch) {
        if (stopping.observe(epoch.metrics())) {
            best = parameterBytes(network);
        }
    }

    @Override
    public boolean stopsTraining() {
        return stopping.shouldStop();
    }

    /**
     * Returns the parameters a checkpoint saved after {@code epoch} must hold besides the current ones.
     *
     * @param epoch the epoch just trained
     * @return the best epoch's parameters, or {@code null} when that epoch is the one just trained
     */
    byte[] bestUnlessLatest(int epoch) {
        return stopping.bestEpoch() == epoch ? null : best;
    }

    /** Returns the epoch whose parameters the model keeps. */
    int keptEpoch() {
        return stopping.bestEpoch();
    }

    /**
     * Loads the best epoch's parameters back if a later epoch trained after it, and says how the run ended.
     *
     * @param manager the model's manager
     * @param lastEpoch the last epoch trained
     * @param epochs the model file's epochs
     * @return how the run ended
     */
    EarlyStoppingResult finish(NDManager manager, int lastEpoch, int epochs) {
        if (stopping.bestEpoch() != lastEpoch) {
            loadParameterBytes(network, manager, best);
        }
        return stopping.result(epochs);
    }

    private static byte[] parameterBytes(Block network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void loadParameterBytes(Block network, NDManager manager, byte[] parameters) {
        try {
            network.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("the network's own parameters did not load back", e);
        }
    }
}

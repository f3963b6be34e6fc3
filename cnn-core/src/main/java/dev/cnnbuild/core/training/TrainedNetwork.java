package dev.cnnbuild.core.training;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.PredictedEvaluation;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result of a training run: the network with its learnt parameters (with early stopping, those of the best
 * epoch), the per-epoch history and the final evaluation on the test set. Close it to free the engine's memory.
 *
 * <pre>{@code
 * try (TrainedNetwork trained = trainer.train(trainSet, testSet)) {
 *     System.out.println(trained.finalEvaluation().accuracy());
 * }
 * }</pre>
 */
public final class TrainedNetwork implements AutoCloseable {
    private final Model model;
    private final List<EpochMetrics> history;
    private final PredictedEvaluation finalEvaluation;
    private final String device;
    private final double trainSeconds;
    private final EarlyStoppingResult earlyStopping;
    private final int resumedAfterEpoch;

    TrainedNetwork(
            Model model,
            List<EpochMetrics> history,
            PredictedEvaluation finalEvaluation,
            String device,
            double trainSeconds,
            EarlyStoppingResult earlyStopping,
            int resumedAfterEpoch) {
        this.model = model;
        this.history = List.copyOf(history);
        this.finalEvaluation = finalEvaluation;
        this.device = device;
        this.trainSeconds = trainSeconds;
        this.earlyStopping = earlyStopping;
        this.resumedAfterEpoch = resumedAfterEpoch;
    }

    /** Returns the trained network. */
    public Block network() {
        return model.getBlock();
    }

    /** Returns the manager of the network's device, to run it on more data. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** Returns one entry per epoch trained, including those of the run a checkpoint came from. */
    public List<EpochMetrics> history() {
        return history;
    }

    /** Returns the evaluation on the test set of the parameters kept. */
    public Evaluation finalEvaluation() {
        return finalEvaluation.evaluation();
    }

    /** Returns the prediction of every test image by the parameters kept, from the final evaluation's pass. */
    public List<Prediction> finalPredictions() {
        return finalEvaluation.predictions();
    }

    /** Returns the device that trained, such as {@code cpu()}. */
    public String device() {
        return device;
    }

    /** Returns the seconds spent in training batches over all epochs, test passes excluded. */
    public double trainSeconds() {
        return trainSeconds;
    }

    /** Returns how early stopping ended the run, if the model file asks for it. */
    public Optional<EarlyStoppingResult> earlyStopping() {
        return Optional.ofNullable(earlyStopping);
    }

    /** Returns the epoch of the checkpoint this run resumed from, if it did not start at epoch 1. */
    public OptionalInt resumedAfterEpoch() {
        return resumedAfterEpoch == 0 ? OptionalInt.empty() : OptionalInt.of(resumedAfterEpoch);
    }

    @Override
    public void close() {
        model.close();
    }
}

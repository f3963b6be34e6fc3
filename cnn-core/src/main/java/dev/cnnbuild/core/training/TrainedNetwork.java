package dev.cnnbuild.core.training;

import ai.djl.Model;
import ai.djl.nn.Block;
import dev.cnnbuild.core.evaluation.Evaluation;
import java.util.List;

/**
 * The result of a training run: the network with its learnt parameters, the per-epoch history and the final
 * evaluation on the test set. Close it to free the engine's memory.
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
    private final Evaluation finalEvaluation;
    private final String device;
    private final double trainSeconds;

    TrainedNetwork(Model model, List<EpochMetrics> history, Evaluation finalEvaluation, String device,
            double trainSeconds) {
        this.model = model;
        this.history = List.copyOf(history);
        this.finalEvaluation = finalEvaluation;
        this.device = device;
        this.trainSeconds = trainSeconds;
    }

    /** Returns the trained network. */
    public Block network() {
        return model.getBlock();
    }

    /** Returns one entry per epoch. */
    public List<EpochMetrics> history() {
        return history;
    }

    /** Returns the evaluation on the test set after the last epoch. */
    public Evaluation finalEvaluation() {
        return finalEvaluation;
    }

    /** Returns the device that trained, such as {@code cpu()}. */
    public String device() {
        return device;
    }

    /** Returns the seconds spent in training batches, test passes excluded. */
    public double trainSeconds() {
        return trainSeconds;
    }

    @Override
    public void close() {
        model.close();
    }
}

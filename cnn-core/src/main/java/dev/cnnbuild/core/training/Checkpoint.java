package dev.cnnbuild.core.training;

import dev.cnnbuild.core.metrics.EpochMetrics;
import java.util.List;

/**
 * The small part of a checkpoint, stored as {@code checkpoint.json} beside the parameters and optimizer state:
 * which inputs it belongs to, how far training got, and the history so far. The random state needs no saving: every
 * epoch's seeds derive from the model's seed and the epoch number.
 *
 * <pre>{@code
 * {"fingerprint": "3f2a...", "epoch": 2, "epochs": 10, "optimizerSteps": 468, "history": [...]}
 * }</pre>
 *
 * @param fingerprint the {@code Fingerprint} value of the run's inputs
 * @param epoch the last complete epoch
 * @param epochs the number of epochs of the model file
 * @param optimizerSteps the optimizer steps taken so far
 * @param history one entry per complete epoch
 */
record Checkpoint(String fingerprint, int epoch, int epochs, int optimizerSteps, List<EpochMetrics> history) {}

package dev.cnnbuild.core.evaluation;

import java.time.Duration;

/**
 * How long a network takes to classify one batch: the median, fastest and slowest of the timed runs that followed
 * the warm-up runs. A run is the whole call: building the input tensor, the forward pass, reading the predictions.
 *
 * <pre>{@code
 * Latency latency = LatencyMeter.measure(classifier, images, 1, 5, 25);
 * latency.median();   // PT0.000412S
 * }</pre>
 *
 * @param batchSize images per run
 * @param warmUpRuns untimed runs before the timed ones
 * @param runs timed runs
 * @param median the median of the timed runs
 * @param fastest the fastest timed run
 * @param slowest the slowest timed run
 */
public record Latency(int batchSize, int warmUpRuns, int runs, Duration median, Duration fastest, Duration slowest) {}

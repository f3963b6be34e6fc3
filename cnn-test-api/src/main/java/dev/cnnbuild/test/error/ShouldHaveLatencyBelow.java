package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.Latency;
import dev.cnnbuild.core.metrics.FigureText;
import java.time.Duration;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model that classifies too slowly, with how the latency was measured.
 *
 * <pre>{@code
 * // Expecting median latency per image of model mnist-cnn to be below 1.0000 ms but was 1.3012 ms (median of
 * // 25 timed runs after 5 warm-up runs; fastest 1.2011 ms, slowest 2.0123 ms)
 * throwAssertionError(ShouldHaveLatencyBelow.shouldHaveLatencyBelow("mnist-cnn", latency, Duration.ofMillis(1)));
 * }</pre>
 */
public final class ShouldHaveLatencyBelow extends BasicErrorMessageFactory {

    private ShouldHaveLatencyBelow(String model, Latency latency, Duration bar) {
        super(
                "Expecting median latency per %s of model %s to be below %s but was %s (median of %s timed runs"
                        + " after %s warm-up runs; fastest %s, slowest %s)",
                unquotedString(
                        latency.batchSize() == 1
                                ? "image"
                                : "batch of " + FigureText.count(latency.batchSize()) + " images"),
                unquotedString(model),
                unquotedString(FigureText.millis(bar)),
                unquotedString(FigureText.millis(latency.median())),
                latency.runs(),
                latency.warmUpRuns(),
                unquotedString(FigureText.millis(latency.fastest())),
                unquotedString(FigureText.millis(latency.slowest())));
    }

    /**
     * Creates the message.
     *
     * @param model the model's name
     * @param latency the measured latency
     * @param bar the median it had to stay below
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveLatencyBelow(String model, Latency latency, Duration bar) {
        return new ShouldHaveLatencyBelow(model, latency, bar);
    }
}

package dev.cnnbuild.core.threads;

import java.util.Locale;

/**
 * A change of a training's thread count, and why.
 *
 * <pre>{@code
 * new ThreadChange("mnist-cnn", 2, 1, 1.02, 2).describe();
 * // mnist-cnn: 1 thread from now on instead of 2: other processes keep 1.0 of the 2 processors busy
 * }</pre>
 *
 * @param modelName the model being trained
 * @param from the thread count before
 * @param to the thread count from now on
 * @param othersCores the processors other processes kept busy, on average, in the last measurement
 * @param processors the processors this JVM may use
 */
public record ThreadChange(String modelName, int from, int to, double othersCores, int processors) {

    /** Returns the change as a log line. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s: %d %s from now on instead of %d: other processes keep %.1f of the %d" + " processors busy",
                modelName,
                to,
                to == 1 ? "thread" : "threads",
                from,
                othersCores,
                processors);
    }
}

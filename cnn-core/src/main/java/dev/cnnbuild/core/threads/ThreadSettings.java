package dev.cnnbuild.core.threads;

/**
 * How many PyTorch intra-op threads a forked JVM runs with, and whether a training fits that count to the machine's
 * load ({@link AdaptiveThreads}). Decided once, in Maven's JVM, and handed to the fork in its request; the fork
 * neither asks the engine for its count nor measures again whether the load can be measured.
 *
 * <pre>{@code
 * ThreadSettings threads = ThreadSettings.decide(2, true);   // adaptive on Linux where /proc lists this JVM's processors
 * ThreadSettings fixed = ThreadSettings.fixed(1);
 * }</pre>
 *
 * @param count the intra-op thread count, at least 1
 * @param adaptive whether a training on the CPU gives up threads while other processes keep the processors busy
 */
public record ThreadSettings(int count, boolean adaptive) {

    /**
     * Checks the count.
     *
     * @throws IllegalArgumentException if the count is below 1, or below 2 where it would adapt
     */
    public ThreadSettings {
        if (count < 1 || adaptive && count < 2) {
            throw new IllegalArgumentException("a fork needs at least 1 thread, and 2 to adapt them; got " + count
                    + (adaptive ? " adaptive" : ""));
        }
    }

    /** Returns a count that stays as it is. */
    public static ThreadSettings fixed(int count) {
        return new ThreadSettings(count, false);
    }

    /**
     * Decides whether the threads adapt: where asked, with 2 or more threads, and where the machine's load can be
     * measured ({@link CpuTimes#measurable()}: Linux, outside a container that hides some of the host's processors).
     *
     * @param count the intra-op thread count, at least 1
     * @param adaptiveAsked whether adaptation is asked for
     * @return the settings
     */
    public static ThreadSettings decide(int count, boolean adaptiveAsked) {
        return new ThreadSettings(count, adaptiveAsked && count > 1 && CpuTimes.measurable());
    }
}

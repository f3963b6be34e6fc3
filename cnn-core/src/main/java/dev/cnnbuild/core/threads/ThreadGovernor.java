package dev.cnnbuild.core.threads;

import java.util.OptionalInt;

/**
 * Decides a training's thread count from how busy other processes keep the processors: all of its threads while
 * less than half a processor is taken, one thread fewer for every other processor taken, at least one. A change
 * needs two measurements in a row that ask for it, so that a short burst elsewhere (a compiler, a collector) does
 * not move it.
 *
 * <pre>{@code
 * ThreadGovernor governor = new ThreadGovernor(2, 2);
 * governor.observe(1.0);   // empty: one measurement is not enough
 * governor.observe(1.0);   // 1: another process keeps one of the two processors busy
 * governor.observe(0.1);   // empty
 * governor.observe(0.0);   // 2: the machine is free again
 * }</pre>
 */
public final class ThreadGovernor {
    /** Other processes may keep this much of a processor busy before a thread is given up. */
    static final double TOLERATED = 0.5;

    private final int maxThreads;
    private final int processors;
    private int threads;
    private int wanted;

    /**
     * Starts at the maximum.
     *
     * @param maxThreads the threads the training may use, as configured
     * @param processors the processors this JVM may use
     */
    public ThreadGovernor(int maxThreads, int processors) {
        if (maxThreads < 1 || processors < 1) {
            throw new IllegalArgumentException(
                    "threads " + maxThreads + " and processors " + processors + " must be at least 1");
        }
        this.maxThreads = maxThreads;
        this.processors = processors;
        this.threads = maxThreads;
        this.wanted = maxThreads;
    }

    /** Returns the threads the training may use, as configured: the count on a free machine. */
    public int maxThreads() {
        return maxThreads;
    }

    /** Returns the processors this JVM may use. */
    public int processors() {
        return processors;
    }

    /** Returns the thread count decided so far. */
    public int threads() {
        return threads;
    }

    /**
     * Takes one measurement.
     *
     * @param othersCores processors kept busy by other processes since the last measurement
     * @return the new thread count when it changes now
     */
    public OptionalInt observe(double othersCores) {
        int target = target(othersCores);
        boolean confirmed = target == wanted;
        wanted = target;
        if (confirmed && target != threads) {
            threads = target;
            return OptionalInt.of(threads);
        }
        return OptionalInt.empty();
    }

    private int target(double othersCores) {
        if (othersCores < TOLERATED) {
            return maxThreads;
        }
        int free = (int) Math.floor(processors - othersCores + TOLERATED);
        return Math.max(1, Math.min(maxThreads, free));
    }
}

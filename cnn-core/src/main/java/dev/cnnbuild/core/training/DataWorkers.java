package dev.cnnbuild.core.training;

/**
 * The default number of threads that prepare training batches ({@code data.workers}): the processors the training
 * threads leave free, at least 1 and at most 8. Reading cached images and augmenting them costs far less than a
 * training step, so one worker usually keeps up; decoding without a cache may want more.
 *
 * <pre>{@code
 * int workers = DataWorkers.defaultCount(Runtime.getRuntime().availableProcessors(), 2);   // 1 on 2 processors
 * }</pre>
 */
public final class DataWorkers {
    /** The most workers chosen by default. */
    public static final int MAX_DEFAULT = 8;

    private DataWorkers() {}

    /**
     * Returns the default worker count.
     *
     * @param processors the processors the JVM may use
     * @param trainingThreads the threads the network trains with
     * @return between 1 and {@value #MAX_DEFAULT}
     */
    public static int defaultCount(int processors, int trainingThreads) {
        return Math.max(1, Math.min(MAX_DEFAULT, processors - trainingThreads));
    }
}

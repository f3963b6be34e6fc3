package dev.cnnbuild.core.data;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the data layer's worker threads ({@code cnn-cache-1}, {@code cnn-data-2}, ...) and makes them daemons, so a
 * thread dump says what they do and a failing build never waits on them to exit.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(2, DataThreads.named("cnn-data"));
 * }</pre>
 */
public final class DataThreads {

    private DataThreads() {}

    /**
     * Returns a factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ...
     *
     * @param prefix the threads' common name
     * @return the factory
     */
    public static ThreadFactory named(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

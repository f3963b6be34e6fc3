package dev.cnnbuild.core.threads;

import ai.djl.pytorch.jni.JniUtils;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Measures, at most once a second and between batches, how busy other processes keep the processors, and sets
 * PyTorch's thread count as {@link ThreadGovernor} decides. It must be called on the thread that runs the training:
 * PyTorch's thread count belongs to the thread that sets it. Closing it gives back the configured count.
 *
 * <pre>{@code
 * try (AdaptiveThreads adaptive = AdaptiveThreads.forPyTorch("mnist-cnn", 2, change -> log(change.describe()))) {
 *     for (Batch batch : batches) {
 *         train(batch);
 *         adaptive.afterBatch();
 *     }
 * }
 * }</pre>
 */
public final class AdaptiveThreads implements AutoCloseable {
    /** The shortest time between two measurements. */
    static final long WINDOW_NANOS = 1_000_000_000L;

    private final String modelName;
    private final ThreadGovernor governor;
    private final Supplier<Optional<CpuTimes>> reader;
    private final LongSupplier clock;
    private final IntConsumer setThreads;
    private final Consumer<ThreadChange> onChange;
    private CpuTimes last;

    AdaptiveThreads(
            String modelName,
            int maxThreads,
            int processors,
            Supplier<Optional<CpuTimes>> reader,
            LongSupplier clock,
            IntConsumer setThreads,
            Consumer<ThreadChange> onChange) {
        this.modelName = modelName;
        this.governor = new ThreadGovernor(maxThreads, processors);
        this.reader = reader;
        this.clock = clock;
        this.setThreads = setThreads;
        this.onChange = onChange;
        this.last = reader.get().orElse(null);
    }

    /**
     * Adapts PyTorch's intra-op threads of the calling thread, starting from the count the fork was started with
     * (whether the load can be measured was decided with it, {@link ThreadSettings#decide}).
     *
     * @param modelName the model being trained, for the changes' log lines
     * @param threads the thread count PyTorch runs with, at least 2
     * @param onChange hears about every change
     * @return the adapter
     */
    public static AdaptiveThreads forPyTorch(String modelName, int threads, Consumer<ThreadChange> onChange) {
        return new AdaptiveThreads(
                modelName,
                threads,
                Runtime.getRuntime().availableProcessors(),
                CpuTimes::read,
                System::nanoTime,
                JniUtils::setNumThreads,
                onChange);
    }

    /** Measures if a second has passed since the last measurement, and changes the thread count if it must. */
    public void afterBatch() {
        if (last != null && clock.getAsLong() - last.nanoTime() < WINDOW_NANOS) {
            return;
        }
        Optional<CpuTimes> now = reader.get();
        if (now.isEmpty()) {
            return;
        }
        if (last != null) {
            double others = now.get().othersSince(last);
            int before = governor.threads();
            governor.observe(others).ifPresent(threads -> {
                setThreads.accept(threads);
                onChange.accept(new ThreadChange(modelName, before, threads, others, governor.processors()));
            });
        }
        last = now.get();
    }

    /** Returns the thread count in use now. */
    public int threads() {
        return governor.threads();
    }

    /** Gives back the configured thread count, for whatever the thread runs next. */
    @Override
    public void close() {
        if (governor.threads() != governor.maxThreads()) {
            setThreads.accept(governor.maxThreads());
        }
    }
}

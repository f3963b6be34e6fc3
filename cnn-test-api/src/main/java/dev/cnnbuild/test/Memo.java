package dev.cnnbuild.test;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Computes each key's value once, however many threads ask at once; the others wait for it. A failure is kept
 * and thrown again to every caller, as the computation would fail the same way again.
 *
 * <pre>{@code
 * Memo<TestSet, Evaluation> evaluations = new Memo<>();
 * Evaluation e = evaluations.get(testSet, () -> evaluate(testSet));
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class Memo<K, V> {
    private final ConcurrentMap<K, FutureTask<V>> values = new ConcurrentHashMap<>();

    V get(K key, Callable<V> computation) {
        FutureTask<V> created = new FutureTask<>(computation);
        FutureTask<V> task = values.putIfAbsent(key, created);
        if (task == null) {
            created.run();
            task = created;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CnnModelException("interrupted while waiting for another thread's measurement", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CnnModelException(cause.getMessage(), cause);
        }
    }
}

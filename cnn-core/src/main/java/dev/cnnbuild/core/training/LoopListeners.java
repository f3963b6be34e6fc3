package dev.cnnbuild.core.training;

import java.util.List;

/**
 * The epoch loop's listeners as one: each event goes to every listener in order, training stops when any listener
 * says so, and closing closes them all, the last first.
 *
 * <pre>{@code
 * try (LoopListeners listeners = new LoopListeners(List.of(divergence, progress))) {
 *     listeners.onBatch(batch);
 * }
 * }</pre>
 */
final class LoopListeners implements LoopListener {
    private final List<LoopListener> listeners;

    LoopListeners(List<LoopListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onBatch(BatchEnd batch) throws TrainingException {
        for (LoopListener listener : listeners) {
            listener.onBatch(batch);
        }
    }

    @Override
    public void onEpoch(EpochEnd epoch) throws TrainingException {
        for (LoopListener listener : listeners) {
            listener.onEpoch(epoch);
        }
    }

    @Override
    public boolean stopsTraining() {
        return listeners.stream().anyMatch(LoopListener::stopsTraining);
    }

    @Override
    public void close() {
        for (int i = listeners.size() - 1; i >= 0; i--) {
            listeners.get(i).close();
        }
    }
}

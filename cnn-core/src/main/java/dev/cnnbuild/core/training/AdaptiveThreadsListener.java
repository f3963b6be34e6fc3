package dev.cnnbuild.core.training;

import dev.cnnbuild.core.threads.AdaptiveThreads;

/**
 * Fits PyTorch's thread count to the machine's load between batches ({@link AdaptiveThreads}), and gives back the
 * configured count when training ends.
 *
 * <pre>{@code
 * new AdaptiveThreadsListener(AdaptiveThreads.forPyTorch("mnist-cnn", 2, listener::onThreadsChanged));
 * }</pre>
 */
final class AdaptiveThreadsListener implements LoopListener {
    private final AdaptiveThreads adaptive;

    AdaptiveThreadsListener(AdaptiveThreads adaptive) {
        this.adaptive = adaptive;
    }

    @Override
    public void onBatch(BatchEnd batch) {
        adaptive.afterBatch();
    }

    @Override
    public void close() {
        adaptive.close();
    }
}

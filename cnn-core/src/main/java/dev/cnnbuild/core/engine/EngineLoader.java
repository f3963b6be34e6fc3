package dev.cnnbuild.core.engine;

import ai.djl.engine.Engine;

/**
 * Loads the PyTorch engine (its natives extracted and linked, most of a second) on a thread of its own, so that the
 * load overlaps with reading and decoding the data; {@link #await} joins it where the engine is first needed. The
 * engine is one per JVM, and so is its load: {@link #startInBackground} starts it once, later calls do nothing.
 *
 * <p>The load applies the thread counts of the system properties {@code ai.djl.pytorch.num_threads} and
 * {@code ai.djl.pytorch.num_interop_threads} as it would on the training thread: PyTorch keeps the intra-op count for
 * the process and each thread takes it on its first operation, and the inter-op count is the process's. The loading
 * thread is a daemon, so it never keeps the JVM alive, and a load that fails fails {@link #await} with the same
 * exception as loading there would have.
 *
 * <pre>{@code
 * EngineLoader.startInBackground();   // returns at once
 * ImageStore train = data.trainStore(outputDirectory, log::info);
 * Engine engine = EngineLoader.await(); // the engine, or the load's own exception
 * }</pre>
 */
public final class EngineLoader {
    /** The name of the loading thread, as thread dumps show it. */
    static final String THREAD_NAME = "cnn-engine-load";

    private static Thread loading;
    private static volatile Throwable failure;

    private EngineLoader() {}

    /** Starts loading the PyTorch engine on a daemon thread, unless a load was started before. */
    public static synchronized void startInBackground() {
        if (loading != null) {
            return;
        }
        loading = new Thread(EngineLoader::load, THREAD_NAME);
        loading.setDaemon(true);
        loading.start();
    }

    /**
     * Waits for a load started by {@link #startInBackground}, or loads the engine here if none was started.
     *
     * @return the PyTorch engine
     * @throws RuntimeException the load's own exception (DJL's {@code EngineException}) if it failed
     * @throws Error the load's own error (such as {@code UnsatisfiedLinkError}) if it failed
     */
    public static Engine await() {
        Thread thread;
        synchronized (EngineLoader.class) {
            thread = loading;
        }
        if (thread != null) {
            join(thread);
        }
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        return Engine.getEngine("PyTorch");
    }

    private static void load() {
        try {
            Engine.getEngine("PyTorch");
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

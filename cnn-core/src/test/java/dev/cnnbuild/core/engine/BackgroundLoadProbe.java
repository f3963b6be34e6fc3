package dev.cnnbuild.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A second process for {@link EngineLoaderTest}: loads the engine with {@link EngineLoader} on its thread, runs one
 * operation on the main thread and prints the main thread's PyTorch thread counts, {@code intra=N interop=M}.
 *
 * <pre>{@code
 * java -Dai.djl.pytorch.num_threads=1 -cp target/classes:target/test-classes \
 *     dev.cnnbuild.core.engine.BackgroundLoadProbe
 * }</pre>
 */
public final class BackgroundLoadProbe {
    private BackgroundLoadProbe() {}

    /**
     * Loads, computes and prints.
     *
     * @param args none
     */
    public static void main(String[] args) {
        EngineLoader.startInBackground();
        EngineLoader.await();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray square = manager.ones(new Shape(64, 64));
            square.matMul(square).sum().getFloat();
        }
        System.out.println("intra=" + JniUtils.getNumThreads() + " interop=" + JniUtils.getNumInteropThreads());
    }
}

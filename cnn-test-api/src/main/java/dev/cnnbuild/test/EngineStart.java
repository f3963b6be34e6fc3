package dev.cnnbuild.test;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine before the test API loads a model, and turns the failure of a test JVM without PyTorch
 * natives, which DJL reports as a failed download ({@code Failed to save pytorch index file}, {@code Offline mode is
 * enabled}), into one line that says what to add; with {@code cnn.skip} set, such a test is skipped instead
 * ({@link BuildSkip}).
 *
 * <pre>{@code
 * EngineStart.start();   // throws CnnModelException: "The test JVM has no PyTorch natives ..."
 * }</pre>
 */
final class EngineStart {
    /** The resource every {@code ai.djl.pytorch:pytorch-native-*} jar holds. */
    static final String NATIVES_RESOURCE = "native/lib/pytorch.properties";

    static final String NO_NATIVES = "The test JVM has no PyTorch natives (no ai.djl.pytorch:pytorch-native-* jar on"
            + " its class path): declare cnn-maven-plugin with its goal train in this module's POM, which hands the"
            + " test JVM the natives chosen for this machine through property maven.test.additionalClasspath"
            + " (docs/test-api.md, Setup)";

    private EngineStart() {}

    /**
     * Starts the engine, once per JVM (DJL keeps it). Without natives, DJL's own exception (a failed download in
     * offline mode) is left out, as it would only mislead.
     *
     * @throws CnnModelException if it cannot start; without natives, with {@link #NO_NATIVES}
     */
    static void start() {
        try {
            Engine.getEngine("PyTorch");
        } catch (RuntimeException e) {
            if (hasNatives()) {
                throw new CnnModelException("Cannot start the PyTorch engine: " + e.getMessage(), e);
            }
            if (BuildSkip.active()) {
                throw BuildSkip.abort("the test JVM has no PyTorch natives, which cnn:train hands over,");
            }
            throw new CnnModelException(NO_NATIVES);
        }
    }

    private static boolean hasNatives() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return (loader == null ? EngineStart.class.getClassLoader() : loader).getResource(NATIVES_RESOURCE) != null;
    }
}

package dev.cnnbuild.test;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says once per JVM, in one line on standard output, which engine and device the test API evaluates models with,
 * when the first model is loaded; DJL's own start-up lines are left out ({@link QuietEngineLogging}).
 *
 * <pre>{@code
 * EngineBanner.announce(Device.cpu());
 * // cnn-test-api: PyTorch 2.5.1 engine (DJL 0.33.0), evaluating on cpu() (system property cnn.device: auto)
 * }</pre>
 */
final class EngineBanner {
    private static final AtomicBoolean SAID = new AtomicBoolean();

    private EngineBanner() {}

    /** Prints the line for the first model loaded in this JVM; later calls print nothing. */
    static void announce(Device device) {
        if (SAID.compareAndSet(false, true)) {
            System.out.println(line(
                    Engine.getEngine("PyTorch").getVersion(),
                    Engine.getDjlVersion(),
                    device,
                    System.getProperty(CnnModel.DEVICE_PROPERTY)));
        }
    }

    static String line(String engineVersion, String djlVersion, Device device, String requested) {
        return "cnn-test-api: PyTorch " + engineVersion + " engine (DJL " + djlVersion + "), evaluating on " + device
                + " (system property " + CnnModel.DEVICE_PROPERTY + ": "
                + (requested == null || requested.isBlank() ? "auto" : requested) + ")";
    }
}

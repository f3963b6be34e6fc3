package dev.cnnbuild.core.engine;

/**
 * A device was asked for that the PyTorch engine does not have, such as a GPU where there is none or more GPUs than
 * there are. The message names the device, what the engine sees and the fix.
 *
 * <pre>{@code
 * try {
 *     DeviceSelector.select(DeviceChoice.GPU);
 * } catch (DeviceUnavailableException e) {
 *     System.err.println(e.getMessage());   // device 'gpu' was asked for, but the PyTorch engine sees no usable ...
 * }
 * }</pre>
 */
public final class DeviceUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with its message.
     *
     * @param message the device, what the engine sees and the fix
     */
    public DeviceUnavailableException(String message) {
        super(message);
    }
}

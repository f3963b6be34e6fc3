package dev.cnnbuild.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import dev.cnnbuild.core.spec.DeviceChoice;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Picks the devices that train: {@code auto} takes the first GPU (or as many as {@code devices} asks for) when the
 * PyTorch engine has CUDA natives and sees a GPU, and the CPU otherwise; {@code gpu} and {@code gpu:N} fail clearly
 * without one. Apple's {@code mps} device is never picked: {@code auto} trains on the CPU on a Mac.
 *
 * <pre>{@code
 * Device[] devices = DeviceSelector.select(DeviceChoice.AUTO);          // [cpu()] on a machine without CUDA
 * Device[] all = DeviceSelector.select(DeviceChoice.GPU.withDevices(DeviceChoice.ALL_DEVICES), 8, true);
 * }</pre>
 */
public final class DeviceSelector {

    private DeviceSelector() {}

    /**
     * Resolves a device choice against the loaded PyTorch engine.
     *
     * @param choice the device and the device count
     * @return the devices, the first of which holds the model
     * @throws DeviceUnavailableException if GPUs are asked for and the engine has fewer
     */
    public static Device[] select(DeviceChoice choice) throws DeviceUnavailableException {
        Engine engine = Engine.getEngine("PyTorch");
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        return select(choice, cuda ? engine.getGpuCount() : 0, cuda);
    }

    /**
     * Resolves a device choice for a machine described by the caller.
     *
     * @param choice the device and the device count
     * @param gpus the GPUs that the engine can use
     * @param cudaNatives whether the engine's natives are a CUDA build
     * @return the devices, the first of which holds the model
     * @throws DeviceUnavailableException if GPUs are asked for and there are fewer
     */
    public static Device[] select(DeviceChoice choice, int gpus, boolean cudaNatives)
            throws DeviceUnavailableException {
        if (choice.kind() == DeviceChoice.Kind.CPU || choice.kind() == DeviceChoice.Kind.AUTO && gpus == 0) {
            return new Device[] {Device.cpu()};
        }
        String asked = "device '" + choice.yamlName() + "' was asked for";
        if (gpus == 0) {
            throw new DeviceUnavailableException(asked + ", but the PyTorch engine sees no usable CUDA GPU ("
                    + (cudaNatives
                            ? "its CUDA natives are loaded, but the driver reports no GPU"
                            : "its natives are a CPU build; cnn:train takes the CUDA build only on a machine with an"
                                    + " NVIDIA GPU, see its 'PyTorch natives' line")
                    + "); use 'device: auto' or 'cpu'");
        }
        if (choice.gpuIndex() >= 0) {
            if (choice.gpuIndex() >= gpus) {
                throw new DeviceUnavailableException(asked + ", but the PyTorch engine sees " + gpus + " GPU"
                        + (gpus == 1 ? " (gpu:0)" : "s (gpu:0 to gpu:" + (gpus - 1) + ")") + "; use one of them");
            }
            return new Device[] {Device.gpu(choice.gpuIndex())};
        }
        int count = choice.devices() == DeviceChoice.ALL_DEVICES ? gpus : choice.devices();
        if (count > gpus) {
            throw new DeviceUnavailableException("devices: " + count + " was asked for, but the PyTorch engine sees "
                    + gpus + " GPU" + (gpus == 1 ? "" : "s") + "; use devices: all or at most " + gpus);
        }
        Device[] devices = new Device[count];
        for (int i = 0; i < count; i++) {
            devices[i] = Device.gpu(i);
        }
        return devices;
    }

    /**
     * Names the devices for the log and the metrics, such as {@code cpu()} or {@code gpu(0), gpu(1)}.
     *
     * @param devices the devices
     * @return their names, comma-separated
     */
    public static String describe(Device[] devices) {
        return Arrays.stream(devices).map(Device::toString).collect(Collectors.joining(", "));
    }

    /**
     * The device type that the fingerprint records: {@code cpu}, {@code gpu}, or {@code gpu*N} for N GPUs, since the
     * batch split changes the numbers a little.
     *
     * @param devices the devices
     * @return the type
     */
    public static String fingerprintType(Device[] devices) {
        if (!devices[0].isGpu()) {
            return "cpu";
        }
        return devices.length == 1 ? "gpu" : "gpu*" + devices.length;
    }
}

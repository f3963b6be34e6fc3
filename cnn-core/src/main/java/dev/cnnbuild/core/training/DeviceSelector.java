package dev.cnnbuild.core.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.cnnbuild.core.spec.DeviceChoice;

/**
 * Picks the device that trains: {@code auto} takes the first GPU the engine sees and the CPU otherwise.
 *
 * <pre>{@code
 * Device device = DeviceSelector.select(DeviceChoice.AUTO);
 * }</pre>
 */
public final class DeviceSelector {

    private DeviceSelector() {
    }

    /**
     * Resolves a device choice.
     *
     * @param choice auto, cpu or gpu
     * @return the device
     * @throws TrainingException if {@code gpu} is asked for and the engine sees none
     */
    public static Device select(DeviceChoice choice) throws TrainingException {
        int gpus = Engine.getInstance().getGpuCount();
        if (choice == DeviceChoice.GPU && gpus == 0) {
            throw new TrainingException("device 'gpu' was asked for, but the PyTorch engine sees no CUDA GPU;"
                    + " use 'device: auto' or 'cpu', or put a CUDA build of the natives on the classpath");
        }
        return choice != DeviceChoice.CPU && gpus > 0 ? Device.gpu() : Device.cpu();
    }
}

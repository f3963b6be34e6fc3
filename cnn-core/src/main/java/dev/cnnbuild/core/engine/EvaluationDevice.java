package dev.cnnbuild.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import dev.cnnbuild.core.spec.DeviceChoice;

/**
 * The device that evaluates a trained model ({@code cnn:check}, the test API): {@code auto} takes the same kind of
 * device that trained it when the engine has one (a model trained on a GPU is evaluated on the first GPU), and the
 * CPU otherwise, so a model trained on a GPU is checked on a machine without one, without retraining; {@code cpu},
 * {@code gpu} and {@code gpu:N} are taken as asked, and a GPU asked for where there is none is an error.
 *
 * <pre>{@code
 * Device device = EvaluationDevice.choose("auto", metrics.device());   // metrics.device() is "gpu(0)" or "cpu()"
 * }</pre>
 */
public final class EvaluationDevice {

    private EvaluationDevice() {}

    /**
     * Chooses the device with the loaded PyTorch engine.
     *
     * @param requested {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}; {@code null} or blank for auto
     * @param trainedOn the device that trained the model, as {@code metrics.json} records it, such as {@code cpu()}
     * @return the device
     * @throws IllegalArgumentException if the request is not a device, or asks for a GPU the engine does not see
     */
    public static Device choose(String requested, String trainedOn) {
        Engine engine = Engine.getEngine("PyTorch");
        return choose(requested, trainedOn, engine.hasCapability(StandardCapabilities.CUDA) ? engine.getGpuCount() : 0);
    }

    /**
     * Chooses the device for a machine described by the caller.
     *
     * @param requested {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}; {@code null} or blank for auto
     * @param trainedOn the device that trained the model, such as {@code gpu(0)}
     * @param gpus the GPUs the engine can use
     * @return the device
     * @throws IllegalArgumentException if the request is not a device, or asks for a GPU there is not
     */
    public static Device choose(String requested, String trainedOn, int gpus) {
        DeviceChoice choice =
                requested == null || requested.isBlank() ? DeviceChoice.AUTO : DeviceChoice.parse(requested);
        switch (choice.kind()) {
            case CPU:
                return Device.cpu();
            case GPU:
                int index = Math.max(0, choice.gpuIndex());
                if (index >= gpus) {
                    throw new IllegalArgumentException("evaluation device '" + choice.yamlName() + "' was asked for,"
                            + " but the PyTorch engine sees " + (gpus == 0 ? "no usable CUDA GPU" : gpus + " GPU(s)")
                            + "; use -Dcnn.device=auto or cpu");
                }
                return Device.gpu(index);
            default:
                return trainedOn != null && trainedOn.startsWith("gpu") && gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }
}

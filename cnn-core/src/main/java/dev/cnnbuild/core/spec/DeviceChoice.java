package dev.cnnbuild.core.spec;

import java.util.Locale;

/**
 * Where to train: {@code training.device} ({@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}) and
 * {@code training.devices} (how many GPUs train data-parallel: a count, or {@code all}).
 *
 * <pre>{@code
 * DeviceChoice.parse("GPU")                  // DeviceChoice.GPU
 * DeviceChoice.parse("gpu:1").gpuIndex()     // 1
 * DeviceChoice.AUTO.withDevices(DeviceChoice.ALL_DEVICES)   // every GPU the engine sees, or the CPU
 * }</pre>
 *
 * @param kind auto, cpu or gpu
 * @param gpuIndex the GPU of {@code gpu:N}, or -1 for the first GPU(s)
 * @param devices how many devices train data-parallel, {@link #ALL_DEVICES} for every GPU; 1 unless given
 */
public record DeviceChoice(Kind kind, int gpuIndex, int devices) {
    /** The {@code devices} value {@code all}: every GPU the engine sees. */
    public static final int ALL_DEVICES = 0;
    /** The GPU(s) if there are any, else the CPU. */
    public static final DeviceChoice AUTO = new DeviceChoice(Kind.AUTO, -1, 1);
    /** The CPU, even if there is a GPU. */
    public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, -1, 1);
    /** The first GPU(s); training fails if there is none. */
    public static final DeviceChoice GPU = new DeviceChoice(Kind.GPU, -1, 1);

    /** The kinds of device choice. */
    public enum Kind {
        /** GPUs when the engine has CUDA and sees a GPU, the CPU otherwise. */
        AUTO,
        /** The CPU. */
        CPU,
        /** A GPU, or several; an error without one. */
        GPU
    }

    /**
     * Reads a device choice, ignoring case.
     *
     * @param text {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     * @return the choice, training on one device
     * @throws IllegalArgumentException if the text is none of them
     */
    public static DeviceChoice parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "gpu":
                return GPU;
            default:
                if (lower.matches("gpu:\\d{1,4}")) {
                    return new DeviceChoice(Kind.GPU, Integer.parseInt(lower.substring(4)), 1);
                }
                throw new IllegalArgumentException(
                        "Unknown device '" + text + "'; use one of auto, cpu, gpu, gpu:N" + " (such as gpu:1)");
        }
    }

    /**
     * Reads a device count, ignoring case.
     *
     * @param text {@code all} or a positive count
     * @return the count, {@link #ALL_DEVICES} for {@code all}
     * @throws IllegalArgumentException if the text is neither
     */
    public static int parseDevices(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return ALL_DEVICES;
        }
        if (trimmed.matches("[1-9]\\d{0,3}")) {
            return Integer.parseInt(trimmed);
        }
        throw new IllegalArgumentException(
                "Unknown device count '" + text + "'; use all or a number of GPUs such" + " as 2");
    }

    /**
     * Returns this choice training on another number of devices.
     *
     * @param count a positive count, or {@link #ALL_DEVICES}
     * @return the choice
     * @throws IllegalArgumentException if more than one device is asked for with {@code cpu} or {@code gpu:N}
     */
    public DeviceChoice withDevices(int count) {
        if (count != 1 && (kind == Kind.CPU || gpuIndex >= 0)) {
            throw new IllegalArgumentException("devices: " + devicesName(count) + " trains on several GPUs, which"
                    + " needs device auto or gpu, not " + yamlName() + "; remove devices or use device: gpu");
        }
        return new DeviceChoice(kind, gpuIndex, count);
    }

    /**
     * The device as written in the model file.
     *
     * @return {@code "auto"}, {@code "cpu"}, {@code "gpu"} or {@code "gpu:N"}
     */
    public String yamlName() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return gpuIndex >= 0 ? name + ":" + gpuIndex : name;
    }

    /** Returns the device count as written in the model file: {@code all} or the count. */
    public String devicesName() {
        return devicesName(devices);
    }

    private static String devicesName(int count) {
        return count == ALL_DEVICES ? "all" : Integer.toString(count);
    }
}

package dev.cnnbuild.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where to train: {@code training.device} in the model file.
 *
 * <pre>{@code
 * DeviceChoice.parse("GPU")   // DeviceChoice.GPU
 * }</pre>
 */
public enum DeviceChoice {
    /** The GPU if there is one, else the CPU. */
    AUTO,
    /** The CPU, even if there is a GPU. */
    CPU,
    /** The GPU; training fails if there is none. */
    GPU;

    /**
     * Reads a device choice, ignoring case.
     *
     * @param text {@code auto}, {@code cpu} or {@code gpu}
     * @return the choice
     * @throws IllegalArgumentException if the text is none of them
     */
    public static DeviceChoice parse(String text) {
        for (DeviceChoice choice : values()) {
            if (choice.name().equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("Unknown device '" + text + "'; use one of " + names());
    }

    /**
     * The choice as written in the model file.
     *
     * @return {@code "auto"}, {@code "cpu"} or {@code "gpu"}
     */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String names() {
        return Arrays.stream(values()).map(DeviceChoice::yamlName).collect(Collectors.joining(", "));
    }
}

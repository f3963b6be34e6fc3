package dev.cnnbuild.maven.natives;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of an NVIDIA driver, such as {@code 550.54.14}, compared part by part.
 *
 * <pre>{@code
 * DriverVersion.parse("535.129.03").isAtLeast(DriverVersion.CUDA_12_LINUX)   // true
 * }</pre>
 *
 * @param text the version as the driver writes it
 */
public record DriverVersion(String text) {
    /**
     * The oldest Linux driver that runs CUDA 12.x builds such as PyTorch's {@code cu124}, through CUDA's minor version
     * compatibility (NVIDIA's CUDA compatibility table: CUDA 12.x needs 525.60.13 or later on Linux).
     */
    public static final DriverVersion CUDA_12_LINUX = new DriverVersion("525.60.13");

    /** The oldest Windows driver that runs CUDA 12.x builds (527.41 or later, by the same table). */
    public static final DriverVersion CUDA_12_WINDOWS = new DriverVersion("527.41");

    private static final Pattern VERSION = Pattern.compile("\\b(\\d{2,4}\\.\\d{1,3}(?:\\.\\d{1,3})?)\\b");

    /**
     * Finds the first version number in a text, such as the line in {@code /proc/driver/nvidia/version}.
     *
     * @param text {@code NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14  Thu Feb 22 ...}, or a bare number
     * @return the version, or empty when the text holds none
     */
    public static Optional<DriverVersion> find(String text) {
        Matcher matcher = VERSION.matcher(text);
        return matcher.find() ? Optional.of(new DriverVersion(matcher.group(1))) : Optional.empty();
    }

    /**
     * Reads a bare version number.
     *
     * @param text such as {@code 550.54.14}
     * @return the version
     * @throws IllegalArgumentException if the text is not a version number
     */
    public static DriverVersion parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("not a driver version: " + text));
    }

    /**
     * Tells whether this version is the other one or later.
     *
     * @param other the version to compare with
     * @return whether this one is at least as new
     */
    public boolean isAtLeast(DriverVersion other) {
        int[] mine = parts();
        int[] theirs = other.parts();
        return Arrays.compare(mine, theirs) >= 0;
    }

    private int[] parts() {
        return Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.cnnbuild.maven.natives;

/**
 * The natives chosen for the forked JVM, the device they drive, and why, for the one log line that says so.
 *
 * <pre>{@code
 * NativesSelection chosen = NativesSelector.select(choice, platform, scan, versions);
 * log.info(chosen.logLine());
 * // PyTorch natives ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64 (device cpu): natives auto found
 * //     no usable NVIDIA GPU (no /proc/driver/nvidia/version and no working nvidia-smi)
 * }</pre>
 *
 * @param coordinates {@code groupId:artifactId:version:classifier}
 * @param device {@code cpu} or {@code gpu}: what the natives can train on
 * @param reason why these, in words
 */
public record NativesSelection(String coordinates, String device, String reason) {

    /** Returns the log line. */
    public String logLine() {
        return "PyTorch natives " + coordinates + " (device " + device + "): " + reason;
    }
}

package dev.cnnbuild.maven.natives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The native artifacts that go with the PyTorch engine this plugin was built against: their group, the PyTorch
 * version, and the CUDA flavour of the GPU build.
 *
 * <pre>{@code
 * NativesVersions.bundled().cpu("linux-x86_64")   // ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64
 * }</pre>
 *
 * @param groupId the group of the native artifacts, {@code ai.djl.pytorch}
 * @param pytorch the PyTorch version, such as {@code 2.5.1}
 * @param cudaFlavor the CUDA flavour of the GPU build, such as {@code cu124}
 */
public record NativesVersions(String groupId, String pytorch, String cudaFlavor) {

    /** Returns the versions this plugin was built with. */
    public static NativesVersions bundled() {
        Properties properties = new Properties();
        try (InputStream in = NativesVersions.class.getResourceAsStream("natives.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NativesVersions(
                properties.getProperty("groupId"),
                properties.getProperty("pytorch"),
                properties.getProperty("cudaFlavor"));
    }

    /** Returns the coordinates of the CPU natives for a classifier. */
    public String cpu(String classifier) {
        return groupId + ":pytorch-native-cpu:" + pytorch + ":" + classifier;
    }

    /** Returns the coordinates of the CUDA natives for a classifier. */
    public String cuda(String classifier) {
        return groupId + ":pytorch-native-" + cudaFlavor + ":" + pytorch + ":" + classifier;
    }

    /** Returns the CUDA version of the GPU build, such as {@code 12.4} for {@code cu124}. */
    public String cudaVersion() {
        String digits = cudaFlavor.substring(2);
        return digits.substring(0, 2) + "." + digits.substring(2);
    }
}

package dev.cnnbuild.maven.natives;

import java.util.List;
import java.util.Optional;

/**
 * What the machine tells about NVIDIA GPUs, read cheaply, before anything large is resolved. Tests inject their own.
 *
 * <pre>{@code
 * GpuScan scan = NvidiaGpus.detect(HostProbe.local());
 * }</pre>
 */
public interface HostProbe {

    /** Returns the content of {@code /proc/driver/nvidia/version}, or empty where there is no such file. */
    Optional<String> driverVersionFile();

    /** Returns the names of the NVIDIA device files in {@code /dev}, such as {@code nvidia0}, {@code nvidiactl}. */
    List<String> deviceFiles();

    /**
     * Returns one driver version per GPU as {@code nvidia-smi --query-gpu=driver_version --format=csv,noheader}
     * prints them, or empty where {@code nvidia-smi} is absent, fails or takes too long.
     */
    Optional<List<String>> nvidiaSmi();

    /** Returns the probe of this machine. */
    static HostProbe local() {
        return new LocalHostProbe();
    }
}

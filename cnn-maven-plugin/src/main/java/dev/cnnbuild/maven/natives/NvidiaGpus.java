package dev.cnnbuild.maven.natives;

import java.util.List;
import java.util.Optional;

/**
 * Detects NVIDIA GPUs and their driver cheaply: the driver's {@code /proc/driver/nvidia/version} and the
 * {@code /dev/nvidiaN} device files on Linux, else {@code nvidia-smi} (Windows, or a container without the
 * {@code /proc} entry).
 *
 * <pre>{@code
 * GpuScan scan = NvidiaGpus.detect(HostProbe.local());
 * scan.count()   // 2 on a machine with two GPUs and their driver
 * }</pre>
 */
public final class NvidiaGpus {

    private NvidiaGpus() {}

    /**
     * Looks for GPUs.
     *
     * @param host what the machine tells
     * @return the GPUs found, or none with the reason
     */
    public static GpuScan detect(HostProbe host) {
        Optional<String> proc = host.driverVersionFile();
        if (proc.isPresent()) {
            Optional<DriverVersion> driver = DriverVersion.find(proc.get());
            long gpus = host.deviceFiles().stream()
                    .filter(name -> name.matches("nvidia\\d+"))
                    .count();
            if (driver.isEmpty()) {
                return GpuScan.none("/proc/driver/nvidia/version names no driver version");
            }
            if (gpus == 0) {
                return GpuScan.none("driver " + driver.get() + " is loaded, but there is no /dev/nvidiaN device");
            }
            return new GpuScan(
                    (int) gpus,
                    driver.get(),
                    "/proc/driver/nvidia/version, /dev/nvidia0" + (gpus > 1 ? ".." + (gpus - 1) : ""));
        }
        Optional<List<String>> smi = host.nvidiaSmi();
        if (smi.isEmpty()) {
            return GpuScan.none("no /proc/driver/nvidia/version and no working nvidia-smi");
        }
        if (smi.get().isEmpty()) {
            return GpuScan.none("nvidia-smi lists no GPU");
        }
        Optional<DriverVersion> driver = DriverVersion.find(smi.get().get(0));
        return driver.map(version -> new GpuScan(smi.get().size(), version, "nvidia-smi"))
                .orElseGet(() -> GpuScan.none(
                        "nvidia-smi printed no driver version: " + smi.get().get(0)));
    }
}

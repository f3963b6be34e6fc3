package dev.cnnbuild.maven.natives;

import java.util.List;
import java.util.Optional;

/** A machine described by the test: its driver's {@code /proc} entry, {@code /dev} files and nvidia-smi output. */
record FakeHost(String proc, List<String> devices, List<String> smi) implements HostProbe {

    static FakeHost noGpu() {
        return new FakeHost(null, List.of(), null);
    }

    static FakeHost linuxGpus(String driver, int gpus) {
        List<String> devices = new java.util.ArrayList<>(List.of("nvidiactl", "nvidia-uvm"));
        for (int i = 0; i < gpus; i++) {
            devices.add("nvidia" + i);
        }
        return new FakeHost(
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  " + driver
                        + "  Thu Feb 22 01:44:30 UTC 2024\nGCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n",
                devices,
                null);
    }

    @Override
    public Optional<String> driverVersionFile() {
        return Optional.ofNullable(proc);
    }

    @Override
    public List<String> deviceFiles() {
        return devices;
    }

    @Override
    public Optional<List<String>> nvidiaSmi() {
        return Optional.ofNullable(smi);
    }
}

package dev.cnnbuild.maven.natives;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriverVersionTest {

    @Test
    void readsTheOpenKernelModuleLine() {
        assertThat(DriverVersion.find("NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  560.35.03  Release"
                        + " Build  (dvs-builder@U16-I3-B03-4-3)  Fri Aug 16 21:42:42 UTC 2024"))
                .contains(new DriverVersion("560.35.03"));
    }

    @Test
    void comparesPartByPart() {
        assertThat(DriverVersion.parse("525.60.13").isAtLeast(DriverVersion.CUDA_12_LINUX))
                .isTrue();
        assertThat(DriverVersion.parse("525.60.2").isAtLeast(DriverVersion.CUDA_12_LINUX))
                .isFalse();
        assertThat(DriverVersion.parse("1000.1").isAtLeast(DriverVersion.CUDA_12_LINUX))
                .isTrue();
        assertThat(DriverVersion.parse("527.41").isAtLeast(DriverVersion.CUDA_12_WINDOWS))
                .isTrue();
    }
}

package dev.cnnbuild.maven.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativesSelectorTest {
    private static final NativesVersions VERSIONS = new NativesVersions("ai.djl.pytorch", "2.5.1", "cu124");
    private static final Platform LINUX = Platform.of("Linux", "amd64");

    private static NativesSelection select(String natives, Platform platform, HostProbe host) throws NativesException {
        return NativesSelector.select(NativesChoice.parse(natives), platform, NvidiaGpus.detect(host), VERSIONS);
    }

    @Test
    void autoWithoutGpuTakesTheCpuBuildAndSaysWhy() throws NativesException {
        NativesSelection chosen = select("auto", LINUX, FakeHost.noGpu());

        assertThat(chosen.coordinates()).isEqualTo("ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64");
        assertThat(chosen.logLine())
                .isEqualTo("PyTorch natives ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64"
                        + " (device cpu): natives auto found no usable NVIDIA GPU (no /proc/driver/nvidia/version and no"
                        + " working nvidia-smi)");
    }

    @Test
    void autoWithOneGpuTakesTheCudaBuild() throws NativesException {
        NativesSelection chosen = select("auto", LINUX, FakeHost.linuxGpus("550.54.14", 1));

        assertThat(chosen.coordinates()).isEqualTo("ai.djl.pytorch:pytorch-native-cu124:2.5.1:linux-x86_64");
        assertThat(chosen.device()).isEqualTo("gpu");
        assertThat(chosen.reason())
                .isEqualTo("natives auto found 1 NVIDIA GPU with driver 550.54.14"
                        + " (/proc/driver/nvidia/version, /dev/nvidia0), new enough for CUDA 12.4");
    }

    @Test
    void autoWithTwoGpusCountsBoth() throws NativesException {
        NativesSelection chosen = select("auto", LINUX, FakeHost.linuxGpus("535.129.03", 2));

        assertThat(chosen.device()).isEqualTo("gpu");
        assertThat(chosen.reason())
                .contains("2 NVIDIA GPUs with driver 535.129.03 (/proc/driver/nvidia/version," + " /dev/nvidia0..1)");
    }

    @Test
    void autoWithADriverTooOldForCuda12TrainsOnTheCpu() throws NativesException {
        NativesSelection chosen = select("auto", LINUX, FakeHost.linuxGpus("470.223.02", 1));

        assertThat(chosen.coordinates()).isEqualTo("ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64");
        assertThat(chosen.reason()).contains("driver 470.223.02", "CUDA 12.4 needs driver 525.60.13 or later");
    }

    @Test
    void cudaWithADriverTooOldFails() {
        assertThatThrownBy(() -> select("cuda", LINUX, FakeHost.linuxGpus("470.223.02", 1)))
                .isInstanceOf(NativesException.class)
                .hasMessageContaining("needs driver 525.60.13 or later; update the NVIDIA driver");
    }

    @Test
    void aLoadedDriverWithoutDeviceFilesIsNoGpu() throws NativesException {
        FakeHost container = new FakeHost(FakeHost.linuxGpus("550.54.14", 0).proc(), List.of("nvidiactl"), null);

        assertThat(select("auto", LINUX, container).reason())
                .contains("driver 550.54.14 is loaded, but there is no /dev/nvidiaN device");
    }

    @Test
    void nvidiaSmiIsAskedWhenThereIsNoProcEntry() throws NativesException {
        FakeHost windows = new FakeHost(null, List.of(), List.of("551.61", "551.61"));

        NativesSelection chosen = select("auto", Platform.of("Windows 11", "amd64"), windows);

        assertThat(chosen.coordinates()).isEqualTo("ai.djl.pytorch:pytorch-native-cu124:2.5.1:win-x86_64");
        assertThat(chosen.reason()).contains("2 NVIDIA GPUs with driver 551.61 (nvidia-smi)");
    }

    @Test
    void cudaWithoutGpuFailsBeforeAnythingIsResolved() {
        assertThatThrownBy(() -> select("cuda", LINUX, FakeHost.noGpu()))
                .isInstanceOf(NativesException.class)
                .hasMessage("natives cuda asked for, but this machine has no usable NVIDIA GPU (no"
                        + " /proc/driver/nvidia/version and no working nvidia-smi); use -Dcnn.natives=auto (or cpu),"
                        + " or run on a machine with an NVIDIA GPU");
    }

    @Test
    void cudaOnAMacFailsNamingThePlatforms() {
        assertThatThrownBy(() -> select("cuda", Platform.of("Mac OS X", "aarch64"), FakeHost.noGpu()))
                .hasMessageContaining(
                        "CUDA 12.4 natives for linux-x86_64 and win-x86_64 only, and this machine is" + " osx-aarch64");
    }

    @Test
    void cpuIgnoresTheGpus() throws NativesException {
        NativesSelection chosen = select("cpu", LINUX, FakeHost.linuxGpus("550.54.14", 8));

        assertThat(chosen.coordinates()).isEqualTo("ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64");
        assertThat(chosen.device()).isEqualTo("cpu");
    }

    @Test
    void autoOnAMacTakesTheCpuBuildAndSaysMpsIsNotUsed() throws NativesException {
        NativesSelection chosen = select("auto", Platform.of("Mac OS X", "aarch64"), FakeHost.noGpu());

        assertThat(chosen.coordinates()).isEqualTo("ai.djl.pytorch:pytorch-native-cpu:2.5.1:osx-aarch64");
        assertThat(chosen.reason()).contains("Apple's mps device is not used");
    }

    @Test
    void explicitCoordinatesAreTakenAsGiven() throws NativesException {
        NativesSelection chosen = select(
                "com.acme.natives:pytorch-native-cpu:2.5.1:linux-x86_64", LINUX, FakeHost.linuxGpus("550.54.14", 1));

        assertThat(chosen.coordinates()).isEqualTo("com.acme.natives:pytorch-native-cpu:2.5.1:linux-x86_64");
        assertThat(chosen.device()).isEqualTo("cpu");
    }

    @Test
    void explicitCudaCoordinatesNeedAGpu() {
        assertThatThrownBy(() -> select(
                        "com.acme:pytorch-native-cu121:2.5.1:linux-aarch64",
                        Platform.of("Linux", "aarch64"),
                        FakeHost.noGpu()))
                .hasMessageStartingWith("natives com.acme:pytorch-native-cu121:2.5.1:linux-aarch64 is a CUDA build,"
                        + " but this machine has no usable NVIDIA GPU");
    }

    @Test
    void aPlatformWithoutCpuNativesOnCentralFailsWithTheFix() {
        assertThatThrownBy(() -> select("auto", Platform.of("Linux", "aarch64"), FakeHost.noGpu()))
                .hasMessageContaining("this machine is linux-aarch64; set <natives> (-Dcnn.natives) to the"
                        + " groupId:artifactId:version:classifier");
    }

    @Test
    void aMisspelledChoiceIsRejected() {
        assertThatThrownBy(() -> NativesChoice.parse("gpu"))
                .hasMessageStartingWith("<natives> (-Dcnn.natives) is 'gpu', but must be auto, cpu, cuda or"
                        + " groupId:artifactId:version:classifier");
        assertThatThrownBy(() -> NativesChoice.parse("a:b::c")).isInstanceOf(NativesException.class);
    }
}

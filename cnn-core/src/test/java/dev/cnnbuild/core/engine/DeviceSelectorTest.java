package dev.cnnbuild.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.cnnbuild.core.spec.DeviceChoice;
import org.junit.jupiter.api.Test;

class DeviceSelectorTest {

    @Test
    void withoutGpuAutoTrainsOnTheCpu() throws DeviceUnavailableException {
        assertThat(DeviceSelector.select(DeviceChoice.AUTO, 0, false)).containsExactly(Device.cpu());
        assertThat(DeviceSelector.select(DeviceChoice.AUTO.withDevices(DeviceChoice.ALL_DEVICES), 0, false))
                .containsExactly(Device.cpu());
    }

    @Test
    void withoutGpuGpuFailsSayingTheNativesAreACpuBuild() {
        assertThatThrownBy(() -> DeviceSelector.select(DeviceChoice.GPU, 0, false))
                .isInstanceOf(DeviceUnavailableException.class)
                .hasMessage("device 'gpu' was asked for, but the PyTorch engine sees no usable CUDA GPU (its natives"
                        + " are a CPU build; cnn:train takes the CUDA build only on a machine with an NVIDIA GPU, see"
                        + " its 'PyTorch natives' line); use 'device: auto' or 'cpu'");
        assertThatThrownBy(() -> DeviceSelector.select(DeviceChoice.GPU, 0, true))
                .hasMessageContaining("its CUDA natives are loaded, but the driver reports no GPU");
    }

    @Test
    void withOneGpuAutoTakesIt() throws DeviceUnavailableException {
        assertThat(DeviceSelector.select(DeviceChoice.AUTO, 1, true)).containsExactly(Device.gpu(0));
        assertThat(DeviceSelector.select(DeviceChoice.parse("gpu:0"), 1, true)).containsExactly(Device.gpu(0));
        assertThat(DeviceSelector.select(DeviceChoice.CPU, 1, true)).containsExactly(Device.cpu());
    }

    @Test
    void aGpuIndexBeyondTheGpusFails() {
        assertThatThrownBy(() -> DeviceSelector.select(DeviceChoice.parse("gpu:1"), 1, true))
                .hasMessage("device 'gpu:1' was asked for, but the PyTorch engine sees 1 GPU (gpu:0); use one of"
                        + " them");
    }

    @Test
    void withTwoGpusDevicesAllTakesBoth() throws DeviceUnavailableException {
        assertThat(DeviceSelector.select(DeviceChoice.GPU.withDevices(DeviceChoice.ALL_DEVICES), 2, true))
                .containsExactly(Device.gpu(0), Device.gpu(1));
        assertThat(DeviceSelector.select(DeviceChoice.AUTO, 2, true)).containsExactly(Device.gpu(0));
        assertThat(DeviceSelector.select(DeviceChoice.parse("gpu:1"), 2, true)).containsExactly(Device.gpu(1));
    }

    @Test
    void moreDevicesThanGpusFails() {
        assertThatThrownBy(() -> DeviceSelector.select(DeviceChoice.AUTO.withDevices(3), 2, true))
                .hasMessage("devices: 3 was asked for, but the PyTorch engine sees 2 GPUs; use devices: all or at"
                        + " most 2");
    }

    @Test
    void namesTheDevicesForTheLogAndTheFingerprint() {
        Device[] two = {Device.gpu(0), Device.gpu(1)};

        assertThat(DeviceSelector.describe(two)).isEqualTo("gpu(0), gpu(1)");
        assertThat(DeviceSelector.fingerprintType(two)).isEqualTo("gpu*2");
        assertThat(DeviceSelector.fingerprintType(new Device[] {Device.gpu(3)})).isEqualTo("gpu");
        assertThat(DeviceSelector.fingerprintType(new Device[] {Device.cpu()})).isEqualTo("cpu");
    }
}

package dev.cnnbuild.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class EvaluationDeviceTest {

    @Test
    void autoEvaluatesOnTheKindThatTrainedWhenItIsHere() {
        assertThat(EvaluationDevice.choose("auto", "gpu(0), gpu(1)", 2)).isEqualTo(Device.gpu(0));
        assertThat(EvaluationDevice.choose(null, "cpu()", 2)).isEqualTo(Device.cpu());
    }

    @Test
    void aModelTrainedOnAGpuIsEvaluatedOnTheCpuWhereThereIsNone() {
        assertThat(EvaluationDevice.choose("auto", "gpu(0)", 0)).isEqualTo(Device.cpu());
    }

    @Test
    void cpuAndGpuAreTakenAsAsked() {
        assertThat(EvaluationDevice.choose("cpu", "gpu(0)", 1)).isEqualTo(Device.cpu());
        assertThat(EvaluationDevice.choose("gpu:1", "cpu()", 2)).isEqualTo(Device.gpu(1));
        assertThatThrownBy(() -> EvaluationDevice.choose("gpu", "gpu(0)", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evaluation device 'gpu' was asked for, but the PyTorch engine sees no usable CUDA GPU;"
                        + " use -Dcnn.device=auto or cpu");
    }
}

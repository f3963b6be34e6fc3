package dev.cnnbuild.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.spec.DeviceChoice;
import org.junit.jupiter.api.Test;

/** What the natives on the class path tell of the fingerprint's engine inputs is what the loaded engine says. */
class EngineInputsTest {
    @Test
    void forecastOnTheCpuIsWhatTheLoadedEngineSays() throws Exception {
        assertThat(EngineInputs.forecast(DeviceChoice.CPU, ClassPathNatives.find()))
                .contains(EngineInputs.loaded(DeviceChoice.CPU));
    }

    @Test
    void forecastOfAutoWithCpuNativesIsWhatTheLoadedEngineSays() throws Exception {
        assertThat(EngineInputs.forecast(DeviceChoice.AUTO, ClassPathNatives.find()))
                .contains(EngineInputs.loaded(DeviceChoice.AUTO));
    }

    @Test
    void gpuIsNeverForecast() {
        assertThat(EngineInputs.forecast(DeviceChoice.GPU, ClassPathNatives.find()))
                .isEmpty();
    }
}

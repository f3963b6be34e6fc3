package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import org.junit.jupiter.api.Test;

/** The class path's natives, read without loading them, are what the loaded engine reports. */
class ClassPathNativesTest {
    @Test
    void versionAndBuildAreTheLoadedEnginesOwn() {
        Engine engine = Engine.getEngine("PyTorch");

        ClassPathNatives natives = ClassPathNatives.find().orElseThrow();

        assertThat(natives.pytorchVersion()).isEqualTo(engine.getVersion());
        assertThat(natives.cuda()).isEqualTo(engine.hasCapability(StandardCapabilities.CUDA));
    }

    @Test
    void anOverrideOfTheNativesLeavesTheAnswerToTheEngine() {
        System.setProperty("PYTORCH_VERSION", "2.5.1");
        try {
            assertThat(ClassPathNatives.find()).isEmpty();
        } finally {
            System.clearProperty("PYTORCH_VERSION");
        }
    }
}

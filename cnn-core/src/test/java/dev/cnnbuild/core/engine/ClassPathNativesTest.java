package dev.cnnbuild.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    void theNativesJarSaysWhatTheClassPathSays() throws Exception {
        URL properties = ClassPathNatives.class.getClassLoader().getResource(ClassPathNatives.PROPERTIES);
        String jar = properties
                .getPath()
                .substring("file:".length(), properties.getPath().indexOf("!/"));

        assertThat(ClassPathNatives.inJar(Path.of(URLDecoder.decode(jar, StandardCharsets.UTF_8))))
                .isEqualTo(ClassPathNatives.find())
                .isPresent();
    }

    @Test
    void aJarWithoutNativesTellsNothing() throws Exception {
        Path jar = Path.of(
                Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertThat(ClassPathNatives.inJar(jar)).isEmpty();
        assertThat(ClassPathNatives.inJar(jar.resolveSibling("no-such.jar"))).isEmpty();
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

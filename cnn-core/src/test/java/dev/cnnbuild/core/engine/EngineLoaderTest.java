package dev.cnnbuild.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An engine loaded on {@link EngineLoader}'s thread runs the main thread's operations with the thread counts of the
 * system properties, not with OpenMP's default ({@code OMP_NUM_THREADS}); in a JVM of its own, where the engine is
 * not loaded yet.
 */
class EngineLoaderTest {
    @Test
    void threadCountsOfTheLoadApplyOnTheMainThread() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dai.djl.offline=true",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                        "-Dai.djl.pytorch.num_threads=1",
                        "-Dai.djl.pytorch.num_interop_threads=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BackgroundLoadProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", "2");
        Process process = builder.start();

        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(out).isEqualTo("intra=1 interop=1\n");
    }
}

package dev.cnnbuild.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelMetrics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Gates the tutorial network trained by {@code cnn:train} earlier in this build. */
class MnistModelTest {
    private static final Path OUTPUT = Path.of(System.getProperty("cnn.outputDirectory", "target/cnn"));

    @Test
    void reachesTheTutorialsAccuracy() throws Exception {
        ModelDirectory model = ModelDirectory.of(OUTPUT, "mnist-cnn");
        assertThat(model.isComplete()).as("model directory %s is complete", model.root()).isTrue();

        ModelMetrics metrics = ModelMetrics.read(model.metrics());

        assertThat(metrics.test().count()).isEqualTo(10_000);
        assertThat(metrics.history()).hasSize(10);
        assertThat(metrics.test().accuracy()).as("test accuracy of mnist-cnn").isGreaterThanOrEqualTo(0.985);
    }
}

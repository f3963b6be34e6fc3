package dev.cnnbuild.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an application gets by depending on the ONNX runtime, as Maven resolved it for this build
 * ({@code dependency:tree} of the compile and runtime scopes, written before the tests run): ONNX Runtime and the
 * runtime's API, and neither PyTorch nor a test library.
 */
class OnnxRuntimeDependenciesTest {

    @Test
    void anApplicationGetsOnnxRuntimeAndNeitherPyTorchNorATestLibrary() throws Exception {
        Path tree = Path.of(System.getProperty("runtime.dependencies", "target/runtime-dependencies.txt"));
        List<String> lines = Files.readAllLines(tree);

        assertThat(lines).anyMatch(line -> line.contains("dev.cnnbuild:cnn-runtime:jar:"));
        assertThat(lines).anyMatch(line -> line.contains("com.microsoft.onnxruntime:onnxruntime:jar:"));
        assertThat(lines)
                .as("no PyTorch: engine, bindings or natives")
                .noneMatch(line -> line.contains("ai.djl.pytorch"));
        assertThat(lines)
                .as("no test library in production")
                .noneMatch(line -> line.matches(
                        ".*(junit|assertj|opentest4j|apiguardian|hamcrest|mockito|cnn-test-api|:test$).*"));
    }
}

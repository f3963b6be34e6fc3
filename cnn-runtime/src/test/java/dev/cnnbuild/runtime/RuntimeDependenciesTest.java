package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an application gets by depending on the runtime, as Maven resolved it for this build
 * ({@code dependency:tree} of the compile and runtime scopes, written before the tests run): the core and the
 * PyTorch natives, and no test library.
 */
class RuntimeDependenciesTest {

    @Test
    void anApplicationGetsTheCoreAndTheNativesAndNoTestLibrary() throws Exception {
        Path tree = Path.of(System.getProperty("runtime.dependencies", "target/runtime-dependencies.txt"));
        List<String> lines = Files.readAllLines(tree);

        assertThat(lines).anyMatch(line -> line.contains("dev.cnnbuild:cnn-core:jar:"));
        assertThat(lines)
                .as("the PyTorch natives for this machine come with the runtime")
                .anyMatch(line -> line.matches(".*ai\\.djl\\.pytorch:pytorch-native-(cpu|cu\\d+):jar:.*:runtime"));
        assertThat(lines)
                .as("no test library in production")
                .noneMatch(line -> line.matches(
                        ".*(junit|assertj|opentest4j|apiguardian|hamcrest|mockito|cnn-test-api|:test$).*"));
    }
}

package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file read and checked once: its errors, then its shapes, then its memory estimate. */
class CheckedModelTest {

    @Test
    void holdsTheShapesAndTheirParameterCount(@TempDir Path folder) throws IOException, SpecException {
        Path file = Files.writeString(folder.resolve("good.yaml"), Tutorial.text());

        CheckedModel model = CheckedModel.read(file, MemoryLimit.parse("1g"));

        assertThat(model.name()).isEqualTo("mnist-cnn");
        assertThat(model.shapes()).isEqualTo(ShapeInference.infer(model.spec()));
        assertThat(model.parameterCount()).isEqualTo(123_222).isEqualTo((long)
                model.memory().parameters());
    }

    @Test
    void checksTheShapes(@TempDir Path folder) throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.yaml"), Tutorial.with("  - flatten\n", ""));

        assertThatThrownBy(() -> CheckedModel.read(bad, MemoryLimit.parse("1g")))
                .isInstanceOf(SpecException.class)
                .hasMessage(bad + ":13:5: layer 9 (linear): needs a flat input but gets 64x3x3;"
                        + " add '- flatten' before it");
    }

    @Test
    void holdsTheEstimateToTheLimit(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("good.yaml"), Tutorial.text());

        assertThatThrownBy(() -> CheckedModel.read(file, MemoryLimit.parse("1k")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("-Dcnn.memoryLimit=1k");
    }
}

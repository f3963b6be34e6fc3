package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training-memory estimate, and the limit it is held to, from the model file alone. */
class TrainingMemoryTest {

    @Test
    void tutorialNetworkFitsEasily() throws Exception {
        ModelSpec spec = ModelSpecReader.parse(Path.of("mnist.yaml"), Tutorial.text());

        List<LayerShape> shapes = ShapeInference.infer(spec);
        TrainingMemory memory = TrainingMemory.of(spec, shapes);

        assertThat(memory.parameters())
                .isEqualTo(shapes.stream().mapToLong(LayerShape::parameterCount).sum());
        assertThat(memory.bytes()).isBetween(1e6, 1e9);
        memory.requireWithin(MemoryLimit.parse("1g"));
    }

    @Test
    void networkPastTheLimitIsRefusedWithTheFigures() throws Exception {
        ModelSpec spec = ModelSpecReader.parse(
                Path.of("mnist.yaml"), Tutorial.with("{filters: 16, kernel: 5}", "{filters: 100000, kernel: 5}"));

        assertThatThrownBy(() ->
                        TrainingMemory.of(spec, ShapeInference.infer(spec)).requireWithin(MemoryLimit.parse("8g")))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("mnist.yaml:5:5: training this model needs about ")
                .hasMessageContaining("more than the limit of 8.0 GiB (-Dcnn.memoryLimit=8g); layer 1 (conv2d) needs"
                        + " the most, make it smaller, or raise the limit with -Dcnn.memoryLimit=SIZE (such as 64g)");
    }

    @Test
    void limitsReadInBytesOrWithAUnit() {
        assertThat(MemoryLimit.parse("512").bytes()).isEqualTo(512);
        assertThat(MemoryLimit.parse("512m").bytes()).isEqualTo(512L << 20);
        assertThat(MemoryLimit.parse("16G").bytes()).isEqualTo(16L << 30);
        assertThat(MemoryLimit.parse("2tb").bytes()).isEqualTo(2L << 40);
        assertThat(MemoryLimit.parse("999999999999999t").bytes()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> MemoryLimit.parse("lots"))
                .hasMessage("cnn.memoryLimit 'lots' is not a memory"
                        + " size; write a whole number of bytes above 0, or one with a unit, such as 512m, 16g or 1t");
        assertThatThrownBy(() -> MemoryLimit.parse("0g")).hasMessageStartingWith("cnn.memoryLimit '0g'");
    }

    @Test
    void withoutALimitSetTheLimitIsTheMachinesMemory() {
        MemoryLimit limit = MemoryLimit.machine();

        assertThat(limit.source()).isEqualTo("this machine's memory");
        assertThat(limit.bytes()).isPositive();
    }
}

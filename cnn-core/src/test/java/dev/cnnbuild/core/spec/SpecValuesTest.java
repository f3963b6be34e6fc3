package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.text.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValuesTest {

    @Test
    void sourceLocationPrintsLikeACompiler() {
        SourceLocation location = new SourceLocation(Path.of("src/main/cnn/mnist.yaml"), 12, 5);

        assertThat(location).hasToString("src/main/cnn/mnist.yaml:12:5");
        assertThat(SpecException.at(location, "something is wrong"))
                .hasMessage("src/main/cnn/mnist.yaml:12:5: something is wrong");
    }

    @Test
    void tensorShapeKnowsItsSizeAndWhetherItIsFlat() {
        TensorShape image = TensorShape.of(16, 24, 24);

        assertThat(image).hasToString("16x24x24");
        assertThat(image.size()).isEqualTo(9216);
        assertThat(image.dim(0)).isEqualTo(16);
        assertThat(image.isFlat()).isFalse();
        assertThat(TensorShape.of(576).isFlat()).isTrue();
        assertThat(TensorShape.of(576)).hasToString("576").isEqualTo(new TensorShape(List.of(576)));
    }

    @Test
    void tensorShapeIsImmutableAndPositive() {
        List<Integer> dims = new ArrayList<>(List.of(1, 2));
        TensorShape shape = new TensorShape(dims);
        dims.add(3);

        assertThat(shape.dims()).containsExactly(1, 2);
        assertThatThrownBy(() -> TensorShape.of(16, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(TensorShape::of).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceChoiceIgnoresCase() {
        assertThat(DeviceChoice.parse("auto")).isEqualTo(DeviceChoice.AUTO);
        assertThat(DeviceChoice.parse("Cpu")).isEqualTo(DeviceChoice.CPU);
        assertThat(DeviceChoice.parse("GPU")).isEqualTo(DeviceChoice.GPU);
        assertThat(DeviceChoice.GPU.yamlName()).isEqualTo("gpu");
        assertThatThrownBy(() -> DeviceChoice.parse("cuda"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown device 'cuda'; use one of auto, cpu, gpu, gpu:N (such as gpu:1)");
    }

    @Test
    void deviceChoiceNamesOneGpuAndCountsDevices() {
        assertThat(DeviceChoice.parse("GPU:1")).isEqualTo(new DeviceChoice(DeviceChoice.Kind.GPU, 1, 1));
        assertThat(DeviceChoice.parse("gpu:1").yamlName()).isEqualTo("gpu:1");
        assertThat(DeviceChoice.parseDevices("all")).isEqualTo(DeviceChoice.ALL_DEVICES);
        assertThat(DeviceChoice.parseDevices("8")).isEqualTo(8);
        assertThat(DeviceChoice.AUTO.withDevices(DeviceChoice.ALL_DEVICES).devicesName())
                .isEqualTo("all");
        assertThatThrownBy(() -> DeviceChoice.parseDevices("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceChoice.CPU.withDevices(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs device auto or gpu, not cpu");
    }

    @Test
    void suggestsOnlyCloseWords() {
        List<String> keys = List.of("filters", "kernel", "stride", "padding");

        assertThat(Suggestions.didYouMean("filter", keys)).isEqualTo("; did you mean 'filters'?");
        assertThat(Suggestions.didYouMean("Kernal", keys)).isEqualTo("; did you mean 'kernel'?");
        assertThat(Suggestions.didYouMean("pad", keys)).isEqualTo("; did you mean 'padding'?");
        assertThat(Suggestions.didYouMean("dilation", keys)).isEmpty();
        assertThat(Suggestions.didYouMean("", keys)).isEmpty();
        assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}

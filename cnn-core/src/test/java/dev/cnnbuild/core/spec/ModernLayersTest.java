package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The activations {@code gelu}, {@code silu} and {@code leakyRelu}, the global poolings and the convolution's
 * {@code dilation}, {@code groups} and {@code bias}: how they read, their shapes and parameter counts, and every
 * mistake's located error.
 */
class ModernLayersTest {
    private static final Path FILE = Path.of("net.yaml");

    /** A model file of 3x16x16 images and two classes with these layers, written from line 5 on. */
    static String model(String layers) {
        return "name: net\n"
                + "input: {channels: 3, height: 16, width: 16}\n"
                + "classes: 2\n"
                + "layers:\n"
                + layers
                + "data:\n"
                + "  format: folder\n"
                + "  dir: images\n"
                + "  testSplit: 0.25\n"
                + "training:\n"
                + "  epochs: 1\n";
    }

    static List<LayerShape> shapes(String layers) throws SpecException {
        return ShapeInference.infer(ModelSpecReader.parse(FILE, model(layers)));
    }

    static List<String> errors(String layers) {
        return catchThrowableOfType(
                        SpecException.class, () -> ShapeInference.infer(ModelSpecReader.parse(FILE, model(layers))))
                .errors();
    }

    @Test
    void readsTheActivationsWithTheirDefaults() throws SpecException {
        ModelSpec spec = ModelSpecReader.parse(
                FILE,
                model("  - flatten\n  - gelu\n  - silu: {}\n  - leakyRelu\n  - leakyRelu: {slope: 0.2}\n"
                        + "  - linear: {units: 2}\n"));

        assertThat(spec.layers().subList(1, 5))
                .containsExactly(
                        new GeluLayer(new SourceLocation(FILE, 6, 5)),
                        new SiluLayer(new SourceLocation(FILE, 7, 5)),
                        new LeakyReluLayer(0.01, new SourceLocation(FILE, 8, 5)),
                        new LeakyReluLayer(0.2, new SourceLocation(FILE, 9, 5)));
    }

    @Test
    void readsTheConvolutionOptionsWithTheirDefaults() throws SpecException {
        ModelSpec spec = ModelSpecReader.parse(
                FILE,
                model("  - conv2d: {filters: 6, kernel: 3}\n"
                        + "  - conv2d: {filters: 6, kernel: 3, dilation: 2, groups: 3, bias: false}\n"
                        + "  - flatten\n  - linear: {units: 2}\n"));

        assertThat(spec.layers().get(0))
                .isEqualTo(new Conv2dLayer(6, 3, 1, 0, 1, 1, true, new SourceLocation(FILE, 5, 5)));
        assertThat(spec.layers().get(1))
                .isEqualTo(new Conv2dLayer(6, 3, 1, 0, 2, 3, false, new SourceLocation(FILE, 6, 5)));
    }

    @Test
    void shapesAndParameterCountsFollowPyTorch() throws SpecException {
        List<LayerShape> shapes = shapes("  - conv2d: {filters: 6, kernel: 3, padding: 2, dilation: 2, bias: false}\n"
                + "  - batchnorm\n"
                + "  - gelu\n"
                + "  - conv2d: {filters: 12, kernel: 3, stride: 2, groups: 6}\n"
                + "  - silu\n"
                + "  - conv2d: {filters: 8, kernel: 1, groups: 4}\n"
                + "  - leakyRelu\n"
                + "  - globalAvgPool\n"
                + "  - linear: {units: 4}\n"
                + "  - batchnorm\n"
                + "  - linear: {units: 2}\n");

        assertThat(shapes)
                .extracting(shape -> shape.output().toString())
                .containsExactly(
                        "6x16x16", "6x16x16", "6x16x16", "12x7x7", "12x7x7", "8x7x7", "8x7x7", "8", "4", "4", "2");
        // as PyTorch's sum(p.numel() for p in m.parameters()): dilated, no bias; grouped weights count one group's
        // input channels; batchnorm after a linear layer scales and shifts each of its units
        assertThat(shapes)
                .extracting(LayerShape::parameterCount)
                .containsExactly(
                        6L * 3 * 9, 12L, 0L, 12L * 1 * 9 + 12, 0L, 8L * 3 + 8, 0L, 0L, 8L * 4 + 4, 8L, 4L * 2 + 2);
    }

    @Test
    void globalMaxPoolGivesOneValuePerChannel() throws SpecException {
        assertThat(shapes("  - conv2d: {filters: 5, kernel: 3}\n  - globalMaxPool\n  - linear: {units: 2}\n")
                        .get(1)
                        .output())
                .isEqualTo(TensorShape.of(5));
    }

    @Test
    void groupsThatDoNotDivideTheFiltersOrTheInputChannels() {
        assertThat(errors("  - conv2d: {filters: 16, kernel: 3, groups: 3}\n  - flatten\n  - linear: {units: 2}\n"))
                .containsExactly("net.yaml:5:46: 'groups' of conv2d (layer 1) is 3, which does not divide filters 16;"
                        + " each group needs the same number of filters, so use a divisor of 16 (1, 2, 4, 8 or 16)");
        assertThat(errors("  - conv2d: {filters: 6, kernel: 3, groups: 2}\n  - flatten\n  - linear: {units: 2}\n"))
                .containsExactly("net.yaml:5:5: layer 1 (conv2d): groups 2 does not divide its 3 input channels (input"
                        + " 3x16x16); each group needs the same number of channels, so use a divisor of 3 (1 or 3)");
    }

    @Test
    void manyDivisorsAreCutToTheNearest() {
        assertThat(errors("  - conv2d: {filters: 720, kernel: 3, groups: 7}\n  - flatten\n  - linear: {units: 2}\n"))
                .singleElement()
                .asString()
                .endsWith("so use a divisor of 720 (such as 2, 3, 4, 5, 6, 8, 9 or 10)");
    }

    @Test
    void wrongValuesOfTheNewKeys() {
        assertThat(errors("  - conv2d: {filters: 6, kernel: 3, dilation: 0, bias: no}\n"
                        + "  - leakyRelu: {slope: -1}\n"
                        + "  - gelu: {approximate: tanh}\n"
                        + "  - flatten\n  - linear: {units: 2}\n"))
                .containsExactly(
                        "net.yaml:5:47: 'dilation' of conv2d (layer 1) must be a positive whole number, but was 0",
                        "net.yaml:5:56: 'bias' of conv2d (layer 1) must be true or false, but was 'no'",
                        "net.yaml:6:24: 'slope' of leakyRelu (layer 2) must be zero or a positive number, but was -1",
                        "net.yaml:7:12: gelu (layer 3) takes no parameters, but was given 'approximate'; write it as"
                                + " '- gelu'");
        assertThat(errors(
                        "  - conv2d: {filters: 6, kernel: 3, bias: \"false\"}\n  - flatten\n  - linear: {units: 2}\n"))
                .containsExactly("net.yaml:5:43: 'bias' of conv2d (layer 1) must be true or false, but was the quoted"
                        + " text 'false'; write true or false without quotes");
    }

    @Test
    void misspeltLayersAndKeysGetSuggestions() {
        assertThat(errors("  - conv2d: {filters: 6, kernel: 3, group: 3, dilations: 2}\n"
                        + "  - leakyrelu\n"
                        + "  - globalAvgPooling\n"
                        + "  - leakyRelu: {alpha: 0.1}\n"
                        + "  - flatten\n  - linear: {units: 2}\n"))
                .containsExactly(
                        "net.yaml:5:37: unknown key 'group' in conv2d (layer 1); did you mean 'groups'? Valid keys:"
                                + " filters, kernel, stride, padding, dilation, groups, bias",
                        "net.yaml:5:47: unknown key 'dilations' in conv2d (layer 1); did you mean 'dilation'? Valid"
                                + " keys: filters, kernel, stride, padding, dilation, groups, bias",
                        "net.yaml:6:5: unknown layer type 'leakyrelu' (layer 2); did you mean 'leakyRelu'? Valid layer types: "
                                + layerTypes(),
                        "net.yaml:7:5: unknown layer type 'globalAvgPooling' (layer 3); did you mean 'globalAvgPool'?"
                                + " Valid layer types: " + layerTypes(),
                        "net.yaml:8:17: unknown key 'alpha' in leakyRelu (layer 4); valid keys: slope");
    }

    private static String layerTypes() {
        return String.join(
                ", ",
                ModelFileDefinitions.LAYERS.stream()
                        .map(ModelFileDefinitions.Named::name)
                        .toList());
    }

    @Test
    void globalPoolingNeedsAnImage() {
        assertThat(errors("  - flatten\n  - globalAvgPool\n  - linear: {units: 2}\n"))
                .containsExactly("net.yaml:6:5: layer 2 (globalAvgPool): needs an image input (channels x height x"
                        + " width) but gets 768; move it before the flatten");
    }

    @Test
    void aDilatedKernelLargerThanItsInput() {
        assertThat(errors("  - conv2d: {filters: 4, kernel: 5, dilation: 4}\n  - flatten\n  - linear: {units: 2}\n"))
                .containsExactly("net.yaml:5:5: layer 1 (conv2d): kernel 17x17 (dilated by 4) is larger than its"
                        + " input 3x16x16 (with padding 0); use a smaller kernel or dilation, add padding, or remove a"
                        + " pooling layer before it");
    }
}

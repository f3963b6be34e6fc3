package dev.cnnbuild.core.spec;

import static dev.cnnbuild.core.spec.ModernLayersTest.errors;
import static dev.cnnbuild.core.spec.ModernLayersTest.model;
import static dev.cnnbuild.core.spec.ModernLayersTest.shapes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Residual blocks and repeats: how they read, the shapes and parameter counts they give (with the projection
 * shortcut where the shape changes), and every mistake's located error.
 */
class ResidualAndRepeatTest {
    private static final Path FILE = Path.of("net.yaml");

    /** A ResNet basic block that halves the image and doubles the channels, from 3x16x16. */
    private static final String DOWNSAMPLING_BLOCK = "  - residual:\n"
            + "      layers:\n"
            + "        - conv2d: {filters: 6, kernel: 3, stride: 2, padding: 1, bias: false}\n"
            + "        - batchnorm\n"
            + "        - relu\n"
            + "        - conv2d: {filters: 6, kernel: 3, padding: 1, bias: false}\n"
            + "        - batchnorm\n"
            + "  - relu\n";

    private static final String HEAD = "  - globalAvgPool\n  - linear: {units: 2}\n";

    @Test
    void readsAResidualBlockWithItsLayersAndShortcut() throws SpecException {
        ModelSpec spec = ModelSpecReader.parse(
                FILE,
                model("  - residual:\n"
                        + "      shortcut: identity\n"
                        + "      layers:\n"
                        + "        - conv2d: {filters: 3, kernel: 3, padding: 1}\n"
                        + "        - relu\n"
                        + "  - residual: {layers: [relu]}\n"
                        + HEAD));

        assertThat(spec.layers().get(0))
                .isEqualTo(new ResidualLayer(
                        List.of(
                                new Conv2dLayer(3, 3, 1, 1, new SourceLocation(FILE, 8, 11)),
                                new ReluLayer(new SourceLocation(FILE, 9, 11))),
                        ResidualShortcut.IDENTITY,
                        new SourceLocation(FILE, 5, 5)));
        assertThat(spec.layers().get(1))
                .isEqualTo(new ResidualLayer(
                        List.of(new ReluLayer(new SourceLocation(FILE, 10, 25))),
                        ResidualShortcut.AUTO,
                        new SourceLocation(FILE, 10, 5)));
    }

    @Test
    void readsARepeat() throws SpecException {
        ModelSpec spec = ModelSpecReader.parse(
                FILE, model("  - repeat: {times: 3, layers: [{conv2d: {filters: 3, kernel: 1}}, relu]}\n" + HEAD));

        assertThat(spec.layers().get(0))
                .isEqualTo(new RepeatLayer(
                        3,
                        List.of(
                                new Conv2dLayer(3, 1, 1, 0, new SourceLocation(FILE, 5, 33)),
                                new ReluLayer(new SourceLocation(FILE, 5, 68))),
                        new SourceLocation(FILE, 5, 5)));
    }

    @Test
    void aBlockThatKeepsTheShapeAddsItsInputUnchanged() throws SpecException {
        List<LayerShape> shapes = shapes("  - residual:\n"
                + "      layers:\n"
                + "        - conv2d: {filters: 3, kernel: 3, padding: 1}\n"
                + "        - batchnorm\n"
                + HEAD);

        LayerShape block = shapes.get(0);
        assertThat(block.output()).isEqualTo(TensorShape.of(3, 16, 16));
        assertThat(block.projects()).isFalse();
        assertThat(block.inner()).extracting(LayerShape::index).containsExactly(1, 2);
        assertThat(block.parameterCount()).isEqualTo(3 * 3 * 9 + 3 + 2 * 3);
    }

    @Test
    void aBlockThatChangesTheShapeGetsAProjectionShortcut() throws SpecException {
        List<LayerShape> shapes = shapes(DOWNSAMPLING_BLOCK + HEAD);

        LayerShape block = shapes.get(0);
        assertThat(block.output()).isEqualTo(TensorShape.of(6, 8, 8));
        assertThat(block.projects()).isTrue();
        assertThat(block.stride()).isEqualTo(2);
        // as torchvision's BasicBlock: two bias-free 3x3 convolutions and batch norms, and the downsample's 1x1
        // convolution (no bias) and batch norm
        assertThat(block.parameterCount()).isEqualTo(6 * 3 * 9 + 2 * 6 + 6 * 6 * 9 + 2 * 6 + 6 * 3 + 2 * 6);
    }

    @Test
    void aProjectionCanBeAskedForWhereTheShapeStaysTheSame() throws SpecException {
        LayerShape block = shapes("  - residual: {shortcut: projection, layers: [relu]}\n" + HEAD)
                .get(0);

        assertThat(block.projects()).isTrue();
        assertThat(block.stride()).isEqualTo(1);
        assertThat(block.parameterCount()).isEqualTo(3 * 3 + 2 * 3);
    }

    @Test
    void aRepeatFollowsTheShapeThroughEveryCopyEachWithItsOwnParameters() throws SpecException {
        List<LayerShape> shapes = shapes("  - repeat:\n"
                + "      times: 2\n"
                + "      layers:\n"
                + "        - conv2d: {filters: 4, kernel: 3, stride: 2, padding: 1}\n"
                + "        - relu\n"
                + HEAD);

        LayerShape repeat = shapes.get(0);
        assertThat(repeat.inner())
                .extracting(shape -> shape.output().toString())
                .containsExactly("4x8x8", "4x8x8", "4x4x4", "4x4x4");
        assertThat(repeat.output()).isEqualTo(TensorShape.of(4, 4, 4));
        assertThat(repeat.stride()).isEqualTo(4);
        assertThat(repeat.parameterCount()).isEqualTo((4 * 3 * 9 + 4) + (4 * 4 * 9 + 4));
    }

    @Test
    void theMemoryEstimateCountsTheLayersInside() throws SpecException {
        ModelSpec spec = ModelSpecReader.parse(FILE, model(DOWNSAMPLING_BLOCK + HEAD));
        List<LayerShape> shapes = ShapeInference.infer(spec);

        TrainingMemory memory = TrainingMemory.of(spec, shapes);

        assertThat(memory.parameters())
                .isEqualTo(shapes.stream().mapToLong(LayerShape::parameterCount).sum());
        // input; five layers inside, the projection's convolution and batch norm, and the sum; relu; pool; linear
        assertThat(memory.activations()).isEqualTo(3 * 256 + 5 * 6 * 64 + 2 * 6 * 64 + 6 * 64 + 6 * 64 + 6 + 2);
    }

    @Test
    void anIdentityShortcutRefusesAChangeOfShape() {
        assertThat(errors(DOWNSAMPLING_BLOCK.replace("layers:\n", "shortcut: identity\n      layers:\n") + HEAD))
                .containsExactly("net.yaml:5:5: layer 1 (residual): its layers turn 3x16x16 into 6x8x8, but"
                        + " 'shortcut: identity' adds the input unchanged, so the shapes cannot be added; remove"
                        + " 'shortcut: identity' (a 1x1 convolution with stride 2 and a batchnorm then match them),"
                        + " or keep the filters and use stride 1 with padding (kernel 3: padding 1)");
    }

    @Test
    void aShortcutThatCannotMatchAnUnpaddedConvolution() {
        assertThat(errors("  - residual:\n      layers:\n        - conv2d: {filters: 3, kernel: 3}\n" + HEAD))
                .containsExactly("net.yaml:5:5: layer 1 (residual): its layers turn 3x16x16 into 3x14x14, but the"
                        + " shortcut, a 1x1 convolution with their stride 1, gives 3x16x16, so the shapes cannot be"
                        + " added; pad each convolution so that only its stride changes the size (kernel 3: padding 1,"
                        + " kernel 5: padding 2)");
    }

    @Test
    void aBlockOverFlatValuesMustKeepTheirCount() {
        assertThat(errors("  - flatten\n  - residual: {layers: [{linear: {units: 10}}]}\n  - linear: {units: 2}\n"))
                .containsExactly("net.yaml:6:5: layer 2 (residual): its layers turn 768 into 10, but a residual"
                        + " block's output is added to its input, so both must have one shape, and only images can be"
                        + " projected by a 1x1 convolution; keep the shape (the same units, no flatten or global"
                        + " pooling inside)");
    }

    @Test
    void layersInsideAreNumberedAfterTheirBlock() {
        assertThat(errors("  - residual:\n"
                        + "      layers:\n"
                        + "        - conv2d: {filters: 4, kernel: 3, padding: 1, groups: 2}\n"
                        + "        - linear: {units: 4}\n"
                        + HEAD))
                .containsExactly("net.yaml:7:11: layer 1.1 (conv2d): groups 2 does not divide its 3 input channels"
                        + " (input 3x16x16); each group needs the same number of channels, so use a divisor of 3 (1"
                        + " or 3)");
        assertThat(errors("  - residual:\n"
                        + "      layers:\n"
                        + "        - conv2d: {filters: 3, kernel: 3, padding: 1, filter: 2}\n"
                        + "        - lineer: {units: 4}\n"
                        + HEAD))
                .containsExactly(
                        "net.yaml:7:55: unknown key 'filter' in conv2d (layer 1.1); did you mean 'filters'? Valid"
                                + " keys: filters, kernel, stride, padding, dilation, groups, bias",
                        "net.yaml:8:11: unknown layer type 'lineer' (layer 1.2); did you mean 'linear'? Valid layer"
                                + " types: " + layerTypes());
    }

    @Test
    void aShapeErrorInALaterCopyNamesTheCopy() {
        assertThat(errors("  - repeat:\n"
                        + "      times: 3\n"
                        + "      layers:\n"
                        + "        - maxpool: {kernel: 5}\n"
                        + HEAD))
                .containsExactly("net.yaml:8:11: layer 1.1 (maxpool, in copy 2 of 3 of layer 1): kernel 5x5 is larger"
                        + " than its input 3x3x3; use a smaller kernel or remove a pooling layer before it");
    }

    @Test
    void emptyListsMissingLayersAndBadTimes() {
        assertThat(errors("  - residual: {layers: []}\n"
                        + "  - repeat: {times: 0, layers: [relu]}\n"
                        + "  - repeat: {times: 1001, layers: []}\n"
                        + "  - residual\n"
                        + "  - repeat: {layers: [relu]}\n"
                        + HEAD))
                .containsExactly(
                        "net.yaml:5:24: 'layers' of residual (layer 1) is empty; add at least one layer, e.g. layers:"
                                + " [{conv2d: {filters: 16, kernel: 3, padding: 1}}, batchnorm, relu], or remove the"
                                + " residual",
                        "net.yaml:6:21: 'times' of repeat (layer 2) must be a whole number from 1 to 1000, but was 0",
                        "net.yaml:7:21: 'times' of repeat (layer 3) must be a whole number from 1 to 1000, but was"
                                + " 1001",
                        "net.yaml:7:35: 'layers' of repeat (layer 3) is empty; add at least one layer, e.g. layers:"
                                + " [{conv2d: {filters: 16, kernel: 3, padding: 1}}, batchnorm, relu], or remove the"
                                + " repeat",
                        "net.yaml:8:5: residual (layer 4) is missing 'layers'; add it, e.g. layers: [{conv2d:"
                                + " {filters: 16, kernel: 3, padding: 1}}, batchnorm, relu]",
                        "net.yaml:9:13: repeat (layer 5) is missing 'times'; add it, e.g. times: 2");
    }

    @Test
    void misspeltKeysAndShortcutsAndAListInsteadOfTheMapping() {
        assertThat(errors("  - residual: {layer: [relu], shortcut: identiy}\n"
                        + "  - repeat: {time: 2, layers: [relu]}\n"
                        + "  - residual: [relu]\n"
                        + HEAD))
                .containsExactly(
                        "net.yaml:5:16: unknown key 'layer' in residual (layer 1); did you mean 'layers'? Valid keys:"
                                + " layers, shortcut",
                        "net.yaml:5:41: 'shortcut' of residual (layer 1) must be one of auto, identity or"
                                + " projection, but was 'identiy'; did you mean 'identity'?",
                        "net.yaml:6:14: unknown key 'time' in repeat (layer 2); did you mean 'times'? Valid keys:"
                                + " times, layers",
                        "net.yaml:7:15: the parameters of residual (layer 3) must be a mapping like {layers:"
                                + " [{conv2d: {filters: 16, kernel: 3, padding: 1}}, batchnorm, relu]}, but was a list");
    }

    @Test
    void tooManyLayersOnceRepeatsAreWrittenOut() {
        assertThat(errors("  - repeat: {times: 1000, layers: [{repeat: {times: 1000, layers: [relu]}}]}\n" + HEAD))
                .containsExactly("net.yaml:5:36: layer 1.1 (repeat, in copy 10 of 1000 of layer 1): the network has"
                        + " more than 10000 layers once its repeats are written out; repeat fewer times or fewer"
                        + " layers");
    }

    @Test
    void aTorchscriptModuleCannotBeInsideABlock() {
        assertThat(errors(
                        "  - residual: {layers: [{torchscript: {file: b.pt, output: [3, 16, 16], trainable: true}}]}\n"
                                + HEAD))
                .singleElement()
                .asString()
                .endsWith(": layer 1.1 (torchscript): a torchscript module cannot be inside a residual block or a"
                        + " repeat; make it a layer of its own in 'layers', before them");
    }

    @Test
    void theLastLayerMustStillBeLinear() {
        assertThat(errors("  - flatten\n  - residual: {layers: [{linear: {units: 768}}]}\n"))
                .singleElement()
                .asString()
                .startsWith("net.yaml:6:5: the last layer is residual, but it must be linear with 2 units");
    }

    private static String layerTypes() {
        return String.join(
                ", ",
                ModelFileDefinitions.LAYERS.stream()
                        .map(ModelFileDefinitions.Named::name)
                        .toList());
    }
}

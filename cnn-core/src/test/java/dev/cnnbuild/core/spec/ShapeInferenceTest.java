package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {

    @Test
    void followsAnImageThroughTheTutorialNetwork() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.text());

        List<LayerShape> shapes = ShapeInference.infer(spec);

        assertThat(shapes)
                .extracting(shape -> shape.output().toString())
                .containsExactly(
                        "16x24x24",
                        "16x24x24",
                        "32x20x20",
                        "32x20x20",
                        "32x10x10",
                        "64x6x6",
                        "64x6x6",
                        "64x3x3",
                        "576",
                        "100",
                        "100",
                        "10");
        assertThat(shapes).extracting(LayerShape::index).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(shapes).extracting(LayerShape::layer).containsExactlyElementsOf(spec.layers());
        assertThat(shapes.get(0).input()).isEqualTo(TensorShape.of(1, 28, 28));
        for (int i = 1; i < shapes.size(); i++) {
            assertThat(shapes.get(i).input()).isEqualTo(shapes.get(i - 1).output());
        }
    }

    @Test
    void countsTheTutorialNetworksParameters() throws SpecException {
        long expected = 16 * 1 * 25 + 16 + 32 * 16 * 25 + 32 + 64 * 32 * 25 + 64 + 576 * 100 + 100 + 100 * 10 + 10;

        assertThat(CheckedModel.check(Tutorial.parse(Tutorial.text()), MemoryLimit.parse("1g"))
                        .parameterCount())
                .isEqualTo(expected)
                .isEqualTo(123_222);
    }

    @Test
    void countsBatchNormScaleAndShiftPerChannelOrFeature() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with("""
                  - relu
                  - conv2d: {filters: 32, kernel: 5}
                """, """
                  - batchnorm
                  - conv2d: {filters: 32, kernel: 5}
                """)
                .replace("  - linear: {units: 100}\n", "  - linear: {units: 100}\n  - batchnorm\n"));

        List<LayerShape> shapes = ShapeInference.infer(spec);

        assertThat(shapes.get(1).layer()).isInstanceOf(BatchNormLayer.class);
        assertThat(shapes.get(1).parameterCount()).isEqualTo(2 * 16);
        assertThat(shapes.get(10).layer()).isInstanceOf(BatchNormLayer.class);
        assertThat(shapes.get(10).output()).isEqualTo(TensorShape.of(100));
        assertThat(shapes.get(10).parameterCount()).isEqualTo(2 * 100);
        assertThat(shapes.get(3).parameterCount()).isZero();
    }

    @Test
    void appliesStrideAndPaddingAndRoundsDown() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.text().replaceAll("(?s)layers:.*data:", """
                layers:
                  - conv2d: {filters: 8, kernel: 4, stride: 2, padding: 2}
                  - maxpool: {kernel: 3, stride: 2}
                  - avgpool: {kernel: 2}
                  - flatten
                  - linear: {units: 10}
                data:"""));

        List<LayerShape> shapes = ShapeInference.infer(spec);

        assertThat(shapes)
                .extracting(shape -> shape.output().toString())
                .containsExactly("8x15x15", "8x7x7", "8x3x3", "72", "10");
    }

    @Test
    void kernelLargerThanItsInput() {
        String text = Tutorial.with(
                "- maxpool: {kernel: 2, stride: 2}\n  - conv2d: {filters: 64",
                "- maxpool: {kernel: 5, stride: 5}\n  - conv2d: {filters: 64");

        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:10:5: layer 6 (conv2d): kernel 5x5 is larger than"
                        + " its input 32x4x4 (with padding 0); use a smaller kernel, add padding, or remove a pooling layer"
                        + " before it");
    }

    @Test
    void poolingKernelLargerThanItsInput() {
        String text = Tutorial.with("  - flatten\n", "  - avgpool: {kernel: 4}\n  - flatten\n");

        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:13:5: layer 9 (avgpool): kernel 4x4 is larger than"
                        + " its input 64x3x3; use a smaller kernel or remove a pooling layer before it");
    }

    @Test
    void linearWithoutFlatten() {
        assertThat(Tutorial.errorOf(Tutorial.with("  - flatten\n", "")))
                .isEqualTo("mnist.yaml:13:5: layer 9"
                        + " (linear): needs a flat input but gets 64x3x3; add '- flatten' before it");
    }

    @Test
    void convolutionAfterFlatten() {
        String text = Tutorial.with("  - conv2d: {filters: 16, kernel: 5}\n  - relu\n", "  - flatten\n  - relu\n");

        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:7:5: layer 3 (conv2d): needs an image input"
                        + " (channels x height x width) but gets 784; move it before the flatten");
    }

    @Test
    void lastLayerWithTheWrongNumberOfUnits() {
        assertThat(Tutorial.errorOf(Tutorial.with("classes: 10", "classes: 12")))
                .isEqualTo("mnist.yaml:16:5:"
                        + " the last layer is linear with 10 units, but the model has 12 classes; make the last layer"
                        + " 'linear: {units: 12}'");
    }

    @Test
    void lastLayerThatIsNotLinear() {
        assertThat(Tutorial.errorOf(
                        Tutorial.with("  - linear: {units: 10}\n", "  - linear: {units: 10}\n" + "  - sigmoid\n")))
                .isEqualTo("mnist.yaml:17:5: the last layer is sigmoid, but it must be linear"
                        + " with 10 units, one per class; end the layers with '- linear: {units: 10}'");
    }

    @Test
    void convolutionOutputTooLarge() {
        assertThat(Tutorial.errorOf(
                        Tutorial.with("{filters: 16, kernel: 5}", "{filters: 16, kernel: 5, padding: 100000000}")))
                .isEqualTo("mnist.yaml:5:5: layer 1 (conv2d):"
                        + " its output 16x200000024x200000024 has more than 2147483647 values; use less padding, a larger"
                        + " stride or fewer filters");
    }
}

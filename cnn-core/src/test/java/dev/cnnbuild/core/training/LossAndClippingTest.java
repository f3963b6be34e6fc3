package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.cnnbuild.core.spec.ClassWeightsSpec;
import dev.cnnbuild.core.spec.SourceLocation;
import dev.cnnbuild.core.spec.SpecException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label smoothing's and class weights' loss against hand-computed values and torch 1.13's
 * {@code CrossEntropyLoss}; balanced and named class weights; clipping bounding the global norm of the gradients.
 */
class LossAndClippingTest {
    private static final float[][] LOGITS = {{2.0f, 0.5f, -1.0f}, {0.1f, 0.2f, 0.3f}, {-0.5f, 1.5f, 0.0f}};
    private static final long[] LABELS = {0, 2, 1};

    @Test
    void labelSmoothingMatchesTheHandComputedLoss() {
        double smoothing = 0.1;
        double nll = 0;
        double uniform = 0;
        for (int i = 0; i < LOGITS.length; i++) {
            double[] logP = logSoftmax(LOGITS[i]);
            nll -= logP[(int) LABELS[i]];
            for (double p : logP) {
                uniform -= p;
            }
        }
        double expected = (1 - smoothing) * nll / 3 + smoothing / 3 * uniform / 3;

        double loss = loss(new SmoothedCrossEntropyLoss(smoothing, null));

        assertThat(loss).isCloseTo(expected, within(1e-6));
        // torch.nn.CrossEntropyLoss(label_smoothing=0.1)
        assertThat(loss).isCloseTo(0.6087588667869568, within(1e-6));
    }

    @Test
    void classWeightsMatchTheHandComputedLoss() {
        float[] weights = {0.5f, 2.0f, 1.5f};
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < LOGITS.length; i++) {
            double w = weights[(int) LABELS[i]];
            weighted -= w * logSoftmax(LOGITS[i])[(int) LABELS[i]];
            total += w;
        }

        double loss = loss(new SmoothedCrossEntropyLoss(0, weights));

        assertThat(loss).isCloseTo(weighted / total, within(1e-6));
        // torch.nn.CrossEntropyLoss(weight=torch.tensor([0.5, 2.0, 1.5]))
        assertThat(loss).isCloseTo(0.5590704083442688, within(1e-6));
    }

    @Test
    void classWeightsWithLabelSmoothingMatchTorch() {
        // torch.nn.CrossEntropyLoss(weight=torch.tensor([0.5, 2.0, 1.5]), label_smoothing=0.2)
        assertThat(loss(new SmoothedCrossEntropyLoss(0.2, new float[] {0.5f, 2.0f, 1.5f})))
                .isCloseTo(0.7347303628921509, within(1e-6));
    }

    @Test
    void withoutSmoothingOrWeightsTheLossIsDjlsCrossEntropy() {
        assertThat(loss(new SmoothedCrossEntropyLoss(0, null)))
                .isCloseTo(loss(Loss.softmaxCrossEntropyLoss()), within(1e-6));
    }

    @Test
    void balancedWeightsAreInverseClassFrequencies() {
        float[] weights = ClassWeights.of(
                new ClassWeightsSpec(true, List.of()), List.of("cat", "dog", "fox"), new int[] {0, 0, 0, 0, 1, 1, 2, 0
                });

        // n / (k * count): 8 / (3 * 5), 8 / (3 * 2), 8 / (3 * 1)
        assertThat(weights[0]).isCloseTo(8f / 15, within(1e-7f));
        assertThat(weights[1]).isCloseTo(8f / 6, within(1e-7f));
        assertThat(weights[2]).isCloseTo(8f / 3, within(1e-7f));
    }

    @Test
    void balancedWeightsNeedEveryClassInTheTrainingSplit() {
        assertThatThrownBy(() -> ClassWeights.of(
                        new ClassWeightsSpec(true, List.of()), List.of("cat", "dog", "fox"), new int[] {0, 1, 0}))
                .hasMessage("class 'fox' has no image in the training split, so 'classWeights: balanced' cannot"
                        + " weigh it; add images of it, or weigh the classes by name");
    }

    @Test
    void namedWeightsWeighTheOthersOne() throws SpecException {
        ClassWeightsSpec spec = new ClassWeightsSpec(false, List.of(weight("fox", 3.0), weight("0", 0.5)));
        List<String> names = List.of("cat", "dog", "fox");

        ClassWeights.check(spec, names);

        assertThat(ClassWeights.of(spec, names, new int[] {0})).containsExactly(0.5f, 1f, 3f);
    }

    @Test
    void anUnknownClassNameIsLocatedWithASuggestion() {
        ClassWeightsSpec spec = new ClassWeightsSpec(false, List.of(weight("fxo", 3.0)));

        assertThatThrownBy(() -> ClassWeights.check(spec, List.of("cat", "dog", "fox")))
                .hasMessage("model.yaml:14:20: 'classWeights' of training weighs class 'fxo', which the data do not"
                        + " have; did you mean 'fox'? Valid classes: cat, dog, fox");
    }

    @Test
    void clippingBoundsTheGlobalNormAndKeepsTheDirection() {
        try (Model model = Model.newInstance("clip", "PyTorch")) {
            Linear linear = Linear.builder().setUnits(3).build();
            linear.setInitializer(new NormalInitializer(5f), Parameter.Type.WEIGHT);
            model.setBlock(linear);
            NDManager manager = model.getNDManager();
            Engine.getEngine("PyTorch").setRandomSeed(3);
            linear.initialize(manager, DataType.FLOAT32, new Shape(4, 5));
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray x = manager.randomNormal(new Shape(4, 5)).mul(10);
                NDArray out = linear.forward(new ParameterStore(manager, false), new NDList(x), true)
                        .singletonOrThrow();
                collector.backward(out.square().sum());
            }
            double[] before = gradients(linear);
            double norm = norm(before);
            assertThat(norm).isGreaterThan(1);

            double reported = GradientClipping.clip(linear, 1.0);

            double[] after = gradients(linear);
            assertThat(reported).isCloseTo(norm, within(norm * 1e-5));
            assertThat(norm(after)).isCloseTo(1.0, within(1e-4)).isLessThanOrEqualTo(1.0 + 1e-6);
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).isCloseTo(before[i] / (norm + 1e-6), within(1e-5));
            }

            GradientClipping.clip(linear, 10.0);

            assertThat(gradients(linear)).containsExactly(after);
        }
    }

    private static ClassWeightsSpec.ClassWeight weight(String name, double weight) {
        return new ClassWeightsSpec.ClassWeight(name, weight, new SourceLocation(Path.of("model.yaml"), 14, 20));
    }

    private static double[] gradients(Linear linear) {
        return linear.getParameters().stream()
                .map(Pair::getValue)
                .flatMapToDouble(p -> {
                    float[] values = p.getArray().getGradient().toFloatArray();
                    double[] doubles = new double[values.length];
                    for (int i = 0; i < values.length; i++) {
                        doubles[i] = values[i];
                    }
                    return Arrays.stream(doubles);
                })
                .toArray();
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static double loss(Loss loss) {
        try (NDManager manager = NDManager.newBaseManager(null, "PyTorch")) {
            NDArray logits = manager.create(LOGITS);
            NDArray labels = manager.create(LABELS);
            return loss.evaluate(new NDList(labels), new NDList(logits)).getFloat();
        }
    }

    private static double[] logSoftmax(float[] logits) {
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l);
        }
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - Math.log(sum);
        }
        return out;
    }
}

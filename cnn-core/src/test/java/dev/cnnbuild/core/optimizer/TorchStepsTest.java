package dev.cnnbuild.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.cnnbuild.core.spec.AdamWOptimizer;
import dev.cnnbuild.core.spec.OneCycleSchedule;
import dev.cnnbuild.core.spec.OptimizerSpec;
import dev.cnnbuild.core.spec.SgdOptimizer;
import org.junit.jupiter.api.Test;

/**
 * AdamW and SGD with momentum step as PyTorch's optimizers do. The expected weights were produced by torch 1.13
 * ({@code torch.optim.AdamW} and {@code torch.optim.SGD}) from the same start and gradients: a weight
 * {@code w = [0.5, -1, 2, 0.25]} and, at step {@code t} from 0, the gradient {@code [0.3, -0.2, 0.5, -0.05] * (t + 1)
 * + 0.1 * w}, four steps. With a {@code oneCycle} schedule, torch stepped
 * {@code OneCycleLR(optimizer, max_lr=lr, total_steps=4, pct_start=0.5)} (cycling the momentum, its default) after
 * every step.
 */
class TorchStepsTest {
    private static final float[] START = {0.5f, -1f, 2f, 0.25f};
    private static final float[] DIRECTION = {0.3f, -0.2f, 0.5f, -0.05f};

    @Test
    void adamwMatchesTorch() {
        // torch.optim.AdamW(p, lr=0.01, betas=(0.9, 0.99), eps=1e-8, weight_decay=0.05)
        float[] weights = steps(new AdamWOptimizer(0.01, 0.9, 0.99, 1e-8, 0.05));

        assertClose(weights, 0.4600374102592468, -0.9587140679359436, 1.9568012952804565, 0.2870863378047943);
    }

    @Test
    void sgdWithMomentumMatchesTorch() {
        // torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01)
        float[] weights = steps(new SgdOptimizer(0.1, 0.9, false, 0.01));

        assertClose(weights, -0.09925723075866699, -0.5352455377578735, 0.8870510458946228, 0.3172513544559479);
    }

    @Test
    void sgdWithNesterovMomentumMatchesTorch() {
        // torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
        float[] weights = steps(new SgdOptimizer(0.1, 0.9, true, 0.01));

        assertClose(weights, -0.34888237714767456, -0.3477582633495331, 0.4341357350349426, 0.34832027554512024);
    }

    @Test
    void sgdWithACycledMomentumMatchesTorchsOneCycleLr() {
        float[] weights = oneCycleSteps(new SgdOptimizer(0.1, 0.9, false, 0.01));

        assertClose(weights, 0.3126562833786011, -0.8515532612800598, 1.646546483039856, 0.26944848895072937);
    }

    @Test
    void sgdWithACycledNesterovMomentumMatchesTorchsOneCycleLr() {
        float[] weights = oneCycleSteps(new SgdOptimizer(0.1, 0.9, true, 0.01));

        assertClose(weights, 0.22256310284137726, -0.7833608984947205, 1.4821631908416748, 0.2803989052772522);
    }

    @Test
    void adamwWithACycledBeta1MatchesTorchsOneCycleLr() {
        float[] weights = oneCycleSteps(new AdamWOptimizer(0.01, 0.9, 0.99, 1e-8, 0.05));

        assertClose(weights, 0.48627418279647827, -0.9859582781791687, 1.9851679801940918, 0.2632097899913788);
    }

    @Test
    void adamwFirstStepIsTheHandComputedUpdate() {
        // step 1: w *= 1 - lr*wd; m = 0.1 g; v = 0.01 g^2; w -= lr / 0.1 * m / (sqrt(v) / sqrt(0.01) + eps) = lr *
        // sign(g)
        float[] weights = steps(new AdamWOptimizer(0.01, 0.9, 0.99, 1e-8, 0.05), 1);

        for (int i = 0; i < START.length; i++) {
            double gradient = DIRECTION[i] + 0.1 * START[i];
            double expected = START[i] * (1 - 0.01 * 0.05) - 0.01 * Math.signum(gradient);
            assertThat((double) weights[i]).isCloseTo(expected, within(1e-6));
        }
    }

    private static float[] steps(OptimizerSpec spec) {
        return steps(ResumableOptimizer.of(spec, 0), 4);
    }

    private static float[] steps(OptimizerSpec spec, int count) {
        return steps(ResumableOptimizer.of(spec, 0), count);
    }

    /** Four steps, four epochs of one step, under a oneCycle that rises for two and cycles the momentum. */
    private static float[] oneCycleSteps(OptimizerSpec spec) {
        OneCycleSchedule oneCycle = new OneCycleSchedule(0.5, 2, true, 0.85, 0.95);
        return steps(ResumableOptimizer.of(spec, 0, LearningRateSchedule.of(spec, oneCycle, 4, 1)), 4);
    }

    /** Takes {@code count} steps on the one weight, its gradient made by a backward pass as in training. */
    private static float[] steps(ResumableOptimizer optimizer, int count) {
        try (NDManager manager = NDManager.newBaseManager(null, "PyTorch")) {
            NDArray weight = manager.create(START);
            weight.setRequiresGradient(true);
            for (int t = 0; t < count; t++) {
                try (NDManager scope = manager.newSubManager();
                        GradientCollector collector =
                                Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray direction = scope.create(DIRECTION).mul(t + 1);
                    NDArray loss = weight.mul(direction)
                            .sum()
                            .add(weight.mul(weight).sum().mul(0.05f));
                    collector.backward(loss);
                }
                optimizer.beginStep();
                optimizer.update("w", weight, weight.getGradient());
            }
            return weight.toFloatArray();
        }
    }

    private static void assertClose(float[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("weight %d", i).isCloseTo(expected[i], within(2e-6));
        }
    }
}

package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import dev.cnnbuild.core.spec.AdamWOptimizer;
import java.util.List;
import java.util.function.Function;

/**
 * AdamW as PyTorch 1.13's {@code torch.optim.AdamW} computes it (no amsgrad), with its moments kept where a
 * checkpoint can reach them. Step {@code t} with learning rate {@code lr} (and {@code beta1} of that step, where a
 * {@code oneCycle} schedule cycles it):
 * <pre>
 * w *= 1 - lr * weightDecay
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g * g
 * w -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
 * </pre>
 *
 * <pre>{@code
 * ResumableOptimizer adamw = ResumableOptimizer.of(new AdamWOptimizer(0.001, 0.9, 0.999, 1e-8, 0.01), 0);
 * }</pre>
 */
final class ResumableAdamW extends ResumableOptimizer {
    private static final String MEAN = "mean";
    private static final String VARIANCE = "variance";

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;

    ResumableAdamW(AdamWOptimizer spec, int stepsDone, LearningRateSchedule schedule) {
        super(0f, stepsDone, List.of(MEAN, VARIANCE), schedule);
        this.beta1 = spec.beta1();
        this.beta2 = spec.beta2();
        this.epsilon = spec.epsilon();
        this.decay = spec.weightDecay();
    }

    @Override
    void step(Step next, NDArray weight, NDArray grad, Function<String, NDArray> state) {
        double learningRate = next.learningRate();
        double beta1 = next.momentum(this.beta1);
        NDArray mean = state.apply(MEAN);
        NDArray variance = state.apply(VARIANCE);
        double correction1 = 1.0 - Math.pow(beta1, next.number());
        double correction2 = 1.0 - Math.pow(beta2, next.number());
        inPlace(weight, () -> {
            if (decay != 0) {
                weight.muli((float) (1 - learningRate * decay));
            }
            mean.muli((float) beta1).addi(grad.mul((float) (1 - beta1)));
            variance.muli((float) beta2).addi(grad.mul(grad).muli((float) (1 - beta2)));
            NDArray denominator =
                    variance.sqrt().divi((float) Math.sqrt(correction2)).addi((float) epsilon);
            weight.subi(mean.div(denominator).muli((float) (learningRate / correction1)));
        });
    }
}

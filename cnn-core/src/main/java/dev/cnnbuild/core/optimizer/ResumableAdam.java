package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.cnnbuild.core.spec.AdamOptimizer;
import java.util.List;
import java.util.function.Function;

/**
 * Adam as DJL 0.33's {@code Adam} computes it (the bias correction folded into the learning rate, the engine's
 * fused update), with its moments kept where a checkpoint can reach them. A {@code oneCycle} schedule that cycles
 * the momentum sets each step's {@code beta1}, which the bias correction of that step uses, as PyTorch's does.
 *
 * <pre>{@code
 * ResumableOptimizer adam = ResumableOptimizer.of(new AdamOptimizer(0.0002, 0.9, 0.999, 1e-8, 0), 0);
 * // the learning rate of each step comes from the optimizer's LearningRateSchedule
 * }</pre>
 */
final class ResumableAdam extends ResumableOptimizer {
    private static final String MEAN = "mean";
    private static final String VARIANCE = "variance";

    private final float beta1;
    private final float beta2;
    private final float epsilon;

    ResumableAdam(AdamOptimizer spec, int stepsDone, LearningRateSchedule schedule) {
        super((float) spec.weightDecay(), stepsDone, List.of(MEAN, VARIANCE), schedule);
        this.beta1 = (float) spec.beta1();
        this.beta2 = (float) spec.beta2();
        this.epsilon = (float) spec.epsilon();
    }

    @Override
    void step(Step next, NDArray weight, NDArray grad, Function<String, NDArray> state) {
        float learningRate = next.rate();
        float beta1 = (float) next.momentum(this.beta1);
        double coefficient1 = 1.0 - Math.pow(beta1, next.number());
        double coefficient2 = 1.0 - Math.pow(beta2, next.number());
        float biasCorrected = (float) (learningRate * Math.sqrt(coefficient2) / coefficient1);
        NDList inputs = new NDList(weight, grad, state.apply(MEAN), state.apply(VARIANCE));
        weight.getNDArrayInternal()
                .adamUpdate(
                        inputs,
                        new NDList(weight),
                        learningRate,
                        biasCorrected,
                        getWeightDecay(),
                        rescaleGrad,
                        clipGrad,
                        beta1,
                        beta2,
                        epsilon,
                        true,
                        false);
    }
}

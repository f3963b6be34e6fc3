package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.cnnbuild.core.spec.AdamOptimizer;
import java.util.List;

/**
 * Adam as DJL 0.33's {@code Adam} computes it (the bias correction folded into the learning rate, the engine's
 * fused update), with its moments kept where a checkpoint can reach them.
 *
 * <pre>{@code
 * ResumableOptimizer adam = ResumableOptimizer.of(new AdamOptimizer(0.0002, 0.9, 0.999, 1e-8, 0), 0);
 * }</pre>
 */
final class ResumableAdam extends ResumableOptimizer {
    private static final String MEAN = "mean";
    private static final String VARIANCE = "variance";

    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;

    ResumableAdam(AdamOptimizer spec, int stepsDone) {
        super((float) spec.weightDecay(), stepsDone, List.of(MEAN, VARIANCE));
        this.learningRate = (float) spec.learningRate();
        this.beta1 = (float) spec.beta1();
        this.beta2 = (float) spec.beta2();
        this.epsilon = (float) spec.epsilon();
    }

    @Override
    void step(String parameterId, NDArray weight, NDArray grad) {
        int step = updateCount(parameterId);
        double coefficient1 = 1.0 - Math.pow(beta1, step);
        double coefficient2 = 1.0 - Math.pow(beta2, step);
        float biasCorrected = (float) (learningRate * Math.sqrt(coefficient2) / coefficient1);
        NDList inputs = new NDList(weight, grad, slot(MEAN, parameterId, weight), slot(VARIANCE, parameterId, weight));
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

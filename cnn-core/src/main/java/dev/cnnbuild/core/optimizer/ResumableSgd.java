package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.cnnbuild.core.spec.SgdOptimizer;
import java.util.List;

/**
 * SGD, with momentum if asked for, as DJL 0.33's {@code Sgd} computes it, with the momentum kept where a
 * checkpoint can reach it.
 *
 * <pre>{@code
 * ResumableOptimizer sgd = ResumableOptimizer.of(new SgdOptimizer(0.1, 0.9, 0), 0);
 * }</pre>
 */
final class ResumableSgd extends ResumableOptimizer {
    private static final String MOMENTUM = "momentum";

    private final float learningRate;
    private final float momentum;

    ResumableSgd(SgdOptimizer spec, int stepsDone) {
        super((float) spec.weightDecay(), stepsDone, (float) spec.momentum() == 0f ? List.of() : List.of(MOMENTUM));
        this.learningRate = (float) spec.learningRate();
        this.momentum = (float) spec.momentum();
    }

    @Override
    void step(String parameterId, NDArray weight, NDArray grad) {
        NDList inputs = momentum == 0f
                ? new NDList(weight, grad)
                : new NDList(weight, grad, slot(MOMENTUM, parameterId, weight));
        weight.getNDArrayInternal()
                .sgdUpdate(
                        inputs,
                        new NDList(weight),
                        learningRate,
                        getWeightDecay(),
                        rescaleGrad,
                        clipGrad,
                        momentum,
                        true);
    }
}

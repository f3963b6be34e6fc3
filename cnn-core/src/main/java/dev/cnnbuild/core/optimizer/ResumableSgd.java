package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.cnnbuild.core.spec.SgdOptimizer;
import java.util.List;
import java.util.function.Function;

/**
 * SGD as PyTorch's {@code torch.optim.SGD} (no dampening), with its momentum kept where a checkpoint can reach it.
 * Without momentum it is the engine's fused update, as DJL 0.33's {@code Sgd} computes it:
 * {@code w -= lr * (g + weightDecay * w)}. With momentum it is PyTorch's: {@code d = g + weightDecay * w},
 * {@code buf = momentum * buf + d} (the buffer starting at zero, so the first step's buffer is {@code d}), then
 * {@code w -= lr * buf}, or with Nesterov {@code w -= lr * (d + momentum * buf)}; a {@code oneCycle} schedule that
 * cycles the momentum sets each step's {@code momentum}.
 *
 * <pre>{@code
 * ResumableOptimizer sgd = ResumableOptimizer.of(new SgdOptimizer(0.1, 0.9, true, 0), 0);
 * }</pre>
 */
final class ResumableSgd extends ResumableOptimizer {
    private static final String MOMENTUM = "momentum";

    private final float momentum;
    private final boolean nesterov;

    ResumableSgd(SgdOptimizer spec, int stepsDone, LearningRateSchedule schedule) {
        super(
                (float) spec.weightDecay(),
                stepsDone,
                (float) spec.momentum() == 0f ? List.of() : List.of(MOMENTUM),
                schedule);
        this.momentum = (float) spec.momentum();
        this.nesterov = spec.nesterov();
    }

    @Override
    void step(Step next, NDArray weight, NDArray grad, Function<String, NDArray> state) {
        float learningRate = next.rate();
        if (momentum == 0f) {
            weight.getNDArrayInternal()
                    .sgdUpdate(
                            new NDList(weight, grad),
                            new NDList(weight),
                            learningRate,
                            getWeightDecay(),
                            rescaleGrad,
                            clipGrad,
                            momentum,
                            true);
            return;
        }
        float momentum = (float) next.momentum(this.momentum);
        NDArray buffer = state.apply(MOMENTUM);
        inPlace(weight, () -> {
            NDArray direction = getWeightDecay() == 0f ? grad : grad.add(weight.mul(getWeightDecay()));
            buffer.muli(momentum).addi(direction);
            NDArray update = nesterov ? direction.add(buffer.mul(momentum)) : buffer;
            weight.subi(update.mul(learningRate));
        });
    }
}

package dev.cnnbuild.core.spec;

/**
 * Stochastic gradient descent, optionally with momentum.
 *
 * <pre>{@code
 * optimizer: {sgd: {learningRate: 0.1, momentum: 0.9}}   # new SgdOptimizer(0.1, 0.9, 0)
 * }</pre>
 *
 * @param learningRate the step size, 0.01 unless given
 * @param momentum the momentum, 0 unless given
 * @param weightDecay the L2 penalty, 0 unless given
 */
public record SgdOptimizer(double learningRate, double momentum, double weightDecay) implements OptimizerSpec {

    /** The optimizer's name in the model file. */
    public static final String TYPE = "sgd";

    /**
     * SGD with every setting at its default, as used for {@code optimizer: sgd}.
     *
     * @return {@code new SgdOptimizer(0.01, 0, 0)}
     */
    public static SgdOptimizer defaults() {
        return new SgdOptimizer(0.01, 0, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

package dev.cnnbuild.core.spec;

/**
 * Stochastic gradient descent as PyTorch's {@code torch.optim.SGD}, optionally with momentum (heavy-ball, or
 * Nesterov's) and an L2 weight decay added to the gradient.
 *
 * <pre>{@code
 * optimizer: {sgd: {learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.0005}}
 * # new SgdOptimizer(0.1, 0.9, true, 0.0005)
 * }</pre>
 *
 * @param learningRate the step size, 0.01 unless given
 * @param momentum the momentum, 0 unless given
 * @param nesterov whether the momentum is Nesterov's, false unless given; needs a momentum above 0
 * @param weightDecay the L2 penalty, 0 unless given
 */
public record SgdOptimizer(double learningRate, double momentum, boolean nesterov, double weightDecay)
        implements OptimizerSpec {

    /** The optimizer's name in the model file. */
    public static final String TYPE = "sgd";

    /**
     * SGD with heavy-ball momentum, or none.
     *
     * <pre>{@code
     * new SgdOptimizer(0.1, 0.9, 0);   // new SgdOptimizer(0.1, 0.9, false, 0)
     * }</pre>
     *
     * @param learningRate the step size
     * @param momentum the momentum, 0 for none
     * @param weightDecay the L2 penalty
     */
    public SgdOptimizer(double learningRate, double momentum, double weightDecay) {
        this(learningRate, momentum, false, weightDecay);
    }

    /**
     * SGD with every setting at its default, as used for {@code optimizer: sgd}.
     *
     * @return {@code new SgdOptimizer(0.01, 0, false, 0)}
     */
    public static SgdOptimizer defaults() {
        return new SgdOptimizer(0.01, 0, false, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

package dev.cnnbuild.core.spec;

/**
 * The Adam optimizer; every setting has a default.
 *
 * <pre>{@code
 * optimizer: {adam: {learningRate: 0.0002}}   # new AdamOptimizer(0.0002, 0.9, 0.999, 1e-8, 0)
 * }</pre>
 *
 * @param learningRate the step size, 0.001 unless given
 * @param beta1 the decay of the first moment, 0.9 unless given
 * @param beta2 the decay of the second moment, 0.999 unless given
 * @param epsilon the term added for numerical stability, 1e-8 unless given
 * @param weightDecay the L2 penalty, 0 unless given
 */
public record AdamOptimizer(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements OptimizerSpec {

    /** The optimizer's name in the model file. */
    public static final String TYPE = "adam";

    /**
     * Adam with every setting at its default, as used when {@code training} has no {@code optimizer}.
     *
     * @return {@code new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0)}
     */
    public static AdamOptimizer defaults() {
        return new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

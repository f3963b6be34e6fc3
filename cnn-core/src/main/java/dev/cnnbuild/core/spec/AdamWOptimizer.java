package dev.cnnbuild.core.spec;

/**
 * AdamW, as PyTorch's {@code torch.optim.AdamW}: Adam whose weight decay is decoupled from the gradient, each step
 * first shrinking every weight by {@code learningRate * weightDecay} of itself. Every setting has PyTorch's default.
 *
 * <pre>{@code
 * optimizer: {adamw: {learningRate: 0.001, weightDecay: 0.05, betas: [0.9, 0.999]}}
 * # new AdamWOptimizer(0.001, 0.9, 0.999, 1e-8, 0.05)
 * }</pre>
 *
 * @param learningRate the step size, 0.001 unless given
 * @param beta1 the decay of the first moment, the first of {@code betas}, 0.9 unless given
 * @param beta2 the decay of the second moment, the second of {@code betas}, 0.999 unless given
 * @param epsilon the term added to the denominator, 1e-8 unless given
 * @param weightDecay the decoupled weight decay, 0.01 unless given
 */
public record AdamWOptimizer(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements OptimizerSpec {

    /** The optimizer's name in the model file. */
    public static final String TYPE = "adamw";

    /**
     * AdamW with every setting at PyTorch's default, as used for {@code optimizer: adamw}.
     *
     * @return {@code new AdamWOptimizer(0.001, 0.9, 0.999, 1e-8, 0.01)}
     */
    public static AdamWOptimizer defaults() {
        return new AdamWOptimizer(0.001, 0.9, 0.999, 1e-8, 0.01);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

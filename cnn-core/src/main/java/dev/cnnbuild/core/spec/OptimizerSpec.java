package dev.cnnbuild.core.spec;

/**
 * The optimizer of a training run: exactly one key under {@code training.optimizer}.
 *
 * <pre>{@code
 * optimizer: {adam: {learningRate: 0.0002}}            # AdamOptimizer
 * optimizer: {adamw: {weightDecay: 0.05}}              # AdamWOptimizer
 * optimizer: {sgd: {learningRate: 0.1, momentum: 0.9}}  # SgdOptimizer
 * optimizer: adam                                       # AdamOptimizer with its defaults
 * }</pre>
 */
public sealed interface OptimizerSpec permits AdamOptimizer, AdamWOptimizer, SgdOptimizer {

    /**
     * The optimizer's name as written in the model file.
     *
     * @return {@code "adam"}, {@code "adamw"} or {@code "sgd"}
     */
    String type();

    /**
     * The base learning rate: the constant rate without a {@code schedule}, the rate a schedule scales otherwise
     * (the peak of {@code oneCycle}).
     *
     * @return the optimizer's {@code learningRate}
     */
    double learningRate();
}

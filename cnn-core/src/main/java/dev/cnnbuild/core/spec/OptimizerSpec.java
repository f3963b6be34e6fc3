package dev.cnnbuild.core.spec;

/**
 * The optimizer of a training run: exactly one key under {@code training.optimizer}.
 *
 * <pre>{@code
 * optimizer: {adam: {learningRate: 0.0002}}            # AdamOptimizer
 * optimizer: {sgd: {learningRate: 0.1, momentum: 0.9}}  # SgdOptimizer
 * optimizer: adam                                       # AdamOptimizer with its defaults
 * }</pre>
 */
public sealed interface OptimizerSpec permits AdamOptimizer, SgdOptimizer {

    /**
     * The optimizer's name as written in the model file.
     *
     * @return {@code "adam"} or {@code "sgd"}
     */
    String type();
}

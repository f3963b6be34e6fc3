package dev.cnnbuild.core.spec;

/**
 * How to train: only {@code epochs} is required.
 *
 * <pre>{@code
 * training:
 *   epochs: 10
 *   batchSize: 256                               # 32 unless given
 *   optimizer: {adam: {learningRate: 0.0002}}    # Adam with its defaults unless given
 *   loss: softmaxCrossEntropy                    # the default, and the only loss for now
 *   seed: 42                                     # the default
 *   device: auto                                 # the default; or cpu, gpu
 * }</pre>
 *
 * @param epochs the number of passes over the training set
 * @param batchSize the number of images per step
 * @param optimizer the optimizer
 * @param loss the loss function, {@code "softmaxCrossEntropy"}
 * @param seed the seed of every random choice, so that a run can be repeated
 * @param device where to train
 */
public record TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, String loss, long seed,
        DeviceChoice device) {
}

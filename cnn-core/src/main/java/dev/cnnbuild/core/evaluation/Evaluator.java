package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.cnnbuild.core.data.LabeledImages;

/**
 * Runs a network over a labelled dataset in inference mode (no gradients, dropout off, batch norm on its running
 * statistics) and counts what it gets right.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     Evaluation e = Evaluator.evaluate(network, manager, testSet, 10, 1000);
 * }
 * }</pre>
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates the network.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation; batches are freed as they go
     * @param data the dataset
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @return the confusion matrix and summed cross-entropy loss
     */
    public static Evaluation evaluate(Block network, NDManager manager, LabeledImages data, int classes,
            int batchSize) {
        return evaluate(network, manager, data, classes, batchSize, PixelScaling.UNIT);
    }

    /**
     * Evaluates a network that takes its pixels scaled otherwise than to {@code [0, 1]}, such as a TorchScript
     * model trained with normalised inputs.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation; batches are freed as they go
     * @param data the dataset
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @param scaling how the network expects its pixels
     * @return the confusion matrix and summed cross-entropy loss
     */
    public static Evaluation evaluate(Block network, NDManager manager, LabeledImages data, int classes,
            int batchSize, PixelScaling scaling) {
        long[][] confusion = new long[classes][classes];
        double lossSum = 0;
        for (int start = 0; start < data.size(); start += batchSize) {
            int end = Math.min(start + batchSize, data.size());
            try (NDManager batch = manager.newSubManager()) {
                NDArray logits = Logits.of(network, scaling, batch, data.images(), start, end);
                NDArray logProbabilities = logits.logSoftmax(1);
                long[] predictions = logits.argMax(1).toLongArray();
                float[] logProbs = logProbabilities.toFloatArray();
                for (int i = 0; i < predictions.length; i++) {
                    int label = data.labels()[start + i];
                    confusion[label][(int) predictions[i]]++;
                    lossSum -= logProbs[i * classes + label];
                }
            }
        }
        return new Evaluation(confusion, lossSum);
    }
}

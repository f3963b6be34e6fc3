package dev.cnnbuild.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import dev.cnnbuild.core.nn.ScalarArithmetic;

/**
 * Cross-entropy with label smoothing and class weights, as PyTorch's
 * {@code CrossEntropyLoss(weight=w, label_smoothing=s)} with mean reduction: for logits {@code x} of {@code K}
 * classes, {@code p = log_softmax(x)} and labels {@code y},
 * <pre>
 * loss = (1 - s) * sum_i w[y_i] * -p[i, y_i] / sum_i w[y_i]
 *      + s / K * sum_i sum_c w[c] * -p[i, c] / sum_i w[y_i]
 * </pre>
 * with {@code w} all ones when no weights are given. A run without either keeps DJL's own
 * {@code softmaxCrossEntropyLoss}, whose numbers this does not touch.
 *
 * <pre>{@code
 * Loss loss = new SmoothedCrossEntropyLoss(0.1, null);            // label smoothing only
 * Loss weighted = new SmoothedCrossEntropyLoss(0, new float[] {2, 1});
 * }</pre>
 */
final class SmoothedCrossEntropyLoss extends Loss {
    private final double smoothing;
    private final float[] weights;

    /**
     * The loss.
     *
     * @param smoothing the share of each label spread evenly over all classes, at least 0 and below 1
     * @param weights one weight per class, in label order; {@code null} for equal weights
     */
    SmoothedCrossEntropyLoss(double smoothing, float[] weights) {
        super("SmoothedCrossEntropyLoss");
        this.smoothing = smoothing;
        this.weights = weights == null ? null : weights.clone();
    }

    /**
     * Returns what the mean over these labels divides by: their count, or with class weights the sum of their
     * labels' weights.
     *
     * @param labels a batch's labels
     * @return the divisor
     */
    double weightOf(NDArray labels) {
        long[] values = labels.toType(DataType.INT64, false).toLongArray();
        if (weights == null) {
            return values.length;
        }
        double sum = 0;
        for (long label : values) {
            sum += weights[(int) label];
        }
        return sum;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray y = labels.singletonOrThrow().toType(DataType.INT64, false);
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray picked =
                logProbabilities.gather(y.reshape(-1, 1), 1).reshape(-1).neg();
        long classes = logits.getShape().get(1);
        if (weights == null) {
            NDArray nll = picked.mean();
            if (smoothing == 0) {
                return nll;
            }
            NDArray smooth = logProbabilities.sum(new int[] {1}).neg().mean();
            return ScalarArithmetic.times(nll, (float) (1 - smoothing))
                    .add(ScalarArithmetic.times(smooth, (float) (smoothing / classes)));
        }
        NDArray w = logits.getManager().create(weights).toDevice(logits.getDevice(), false);
        NDArray labelWeights = w.gather(y, 0);
        NDArray total = labelWeights.sum();
        NDArray nll = picked.mul(labelWeights).sum().div(total);
        if (smoothing == 0) {
            return nll;
        }
        NDArray smooth = logProbabilities
                .mul(w.reshape(1, -1))
                .sum(new int[] {1})
                .neg()
                .sum()
                .div(total);
        return ScalarArithmetic.times(nll, (float) (1 - smoothing))
                .add(ScalarArithmetic.times(smooth, (float) (smoothing / classes)));
    }
}

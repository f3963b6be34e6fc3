package dev.cnnbuild.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * Multiplies and divides a tensor by a number so that backward can still read the number: DJL's {@code mul(Number)}
 * and {@code div(Number)} wrap the number in a tensor over a direct buffer, call PyTorch and close the wrapper, but
 * PyTorch's autograd keeps that tensor for backward, and once the collector frees the buffer backward reads whatever
 * the memory holds by then: a wrong gradient in some runs and not others. Here the number is copied into a tensor
 * whose memory PyTorch owns; the values are the same, bit for bit (the same operation on a tensor of the same type).
 *
 * <pre>{@code
 * NDArray mean = ScalarArithmetic.dividedBy(input.sum(new int[] {2, 3}), 784f);
 * NDArray smoothed = ScalarArithmetic.times(nll, 0.9f);
 * }</pre>
 */
public final class ScalarArithmetic {
    private ScalarArithmetic() {}

    /**
     * Returns {@code array * factor}, as {@code array.mul(factor)} computes it.
     *
     * @param array the tensor, possibly part of a graph being recorded
     * @param factor the number, a {@code Float} for a {@code float32} tensor or a {@code Double} for {@code float64}
     * @return the product
     */
    public static NDArray times(NDArray array, Number factor) {
        try (NDArray scalar = owned(array, factor)) {
            return array.mul(scalar);
        }
    }

    /**
     * Returns {@code array / divisor}, as {@code array.div(divisor)} computes it.
     *
     * @param array the tensor, possibly part of a graph being recorded
     * @param divisor the number, a {@code Float} for a {@code float32} tensor or a {@code Double} for {@code float64}
     * @return the quotient
     */
    public static NDArray dividedBy(NDArray array, Number divisor) {
        try (NDArray scalar = owned(array, divisor)) {
            return array.div(scalar);
        }
    }

    /** The number as the 0-dimensional tensor DJL makes of it, copied into memory of PyTorch's own. */
    private static NDArray owned(NDArray like, Number value) {
        try (NDArray wrapped = like.getManager().create(value)) {
            return wrapped.duplicate();
        }
    }
}

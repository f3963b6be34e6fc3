package dev.cnnbuild.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Frees a layer's output as soon as the layers after it have consumed it, as Python frees a tensor whose last
 * reference goes, instead of keeping every intermediate tensor of a batch until the batch's manager closes.
 *
 * <p>Why: PyTorch's autograd keeps its own reference to each tensor the backward pass needs, so closing the Java
 * handle loses nothing; every other intermediate (a batch norm's output once the ReLU after it has run, a residual
 * sum) is freed at once and its memory reused by the next layer. Kept until the batch ends, they raised a training
 * fork's peak memory by about a tenth to a quarter and a large test pass's by half (docs/benchmarks.md). Values are
 * unchanged: only when memory is freed differs.
 *
 * <pre>{@code
 * NDList next = layer.forward(parameterStore, current, training);
 * Intermediates.release(current, inputs, next);   // closes what of current is neither the input nor in next
 * }</pre>
 */
public final class Intermediates {
    private Intermediates() {}

    /**
     * Closes every array of a consumed output that is not, as the same object, one of the arrays to keep.
     *
     * @param consumed the output the following layers have used
     * @param keep the block's input (its caller's) and the output that the next layer returned, which may be the
     *     very arrays it was given
     */
    public static void release(NDList consumed, NDList... keep) {
        for (NDArray array : consumed) {
            if (!held(array, keep)) {
                array.close();
            }
        }
    }

    private static boolean held(NDArray array, NDList... lists) {
        for (NDList list : lists) {
            for (NDArray kept : list) {
                if (kept == array) {
                    return true;
                }
            }
        }
        return false;
    }
}

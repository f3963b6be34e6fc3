package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's trainable weights laid end to end in one tensor, and an optimizer's state arrays in one tensor each,
 * so that a step is a dozen operations on them whatever the number of parameters, as PyTorch's multi-tensor
 * optimizers do: the per-parameter steps of a small residual network spent more time in calls than in arithmetic.
 * Each weight's array keeps its identity, shape and name but becomes a view of its stretch of the flat tensor
 * ({@code PtNDArray.intern}), and each state array a view of its stretch of its flat tensor, so the network, the
 * saved parameters and the checkpoints see no difference. The gradients stay where PyTorch's autograd puts them and
 * are copied end to end for each step.
 *
 * <pre>{@code
 * FlatParameters flat = FlatParameters.of(ids, weights, List.of("mean", "variance"), state);
 * NDArray grad = FlatParameters.gradients(weights);
 * flat.weights().subi(grad.mul(0.01f));   // every weight of the network moves
 * }</pre>
 */
final class FlatParameters {
    private final List<NDArray> weights;
    private final long[] ends;
    private final NDArray flatWeights;
    private final Map<String, NDArray> flatSlots = new HashMap<>();

    private FlatParameters(List<NDArray> weights, NDArray flatWeights) {
        this.weights = List.copyOf(weights);
        this.flatWeights = flatWeights;
        this.ends = new long[weights.size()];
        long end = 0;
        for (int i = 0; i < weights.size(); i++) {
            end += weights.get(i).size();
            ends[i] = end;
        }
    }

    /**
     * Moves weights and their state into flat tensors; call it with autograd off. The state arrays found in
     * {@code state} (one map per slot, by parameter id) are copied in, missing ones start at zero, and the maps then
     * hold the views.
     *
     * @param ids the parameters' ids, in the network's order
     * @param weights their arrays, on one device
     * @param slots the names of the optimizer's state arrays
     * @param state the optimizer's state arrays by slot and parameter id
     * @return the flat tensors
     */
    static FlatParameters of(
            List<String> ids, List<NDArray> weights, List<String> slots, Map<String, Map<String, NDArray>> state) {
        FlatParameters flat = new FlatParameters(weights, concatenated(weights));
        NDList views = flat.views(flat.flatWeights);
        for (int i = 0; i < weights.size(); i++) {
            NDArray view = views.get(i);
            view.setRequiresGradient(true);
            ((PtNDArray) weights.get(i)).intern(view);
        }
        for (String slot : slots) {
            Map<String, NDArray> arrays = state.get(slot);
            List<NDArray> current = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                NDArray array = arrays.get(ids.get(i));
                current.add(array == null ? weights.get(i).zerosLike() : array);
            }
            NDArray flatSlot = concatenated(current);
            flat.flatSlots.put(slot, flatSlot);
            NDList slotViews = flat.views(flatSlot);
            for (int i = 0; i < ids.size(); i++) {
                NDArray old = arrays.put(ids.get(i), slotViews.get(i));
                current.get(i).close();
                if (old != null && old != current.get(i)) {
                    old.close();
                }
            }
        }
        return flat;
    }

    /** Returns whether these are exactly the given weights, in this order: the same array objects. */
    boolean holds(List<NDArray> weights) {
        if (weights.size() != this.weights.size()) {
            return false;
        }
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) != this.weights.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the flat weights; changing them in place changes every weight. */
    NDArray weights() {
        return flatWeights;
    }

    /**
     * Returns a flat state array.
     *
     * @param slot its name
     * @return the array; changing it in place changes every parameter's state
     */
    NDArray slot(String slot) {
        return flatSlots.get(slot);
    }

    /**
     * Returns weights' gradients end to end, in a tensor of its own; call it with autograd off.
     *
     * @param weights the weights, after a backward pass
     * @return their gradients, flat
     */
    static NDArray gradients(List<NDArray> weights) {
        NDList gradients = new NDList(weights.size());
        for (NDArray weight : weights) {
            gradients.add(weight.getGradient());
        }
        NDArray flat = concatenated(gradients);
        gradients.close();
        return flat;
    }

    /** Releases the flat tensors' own handles; the views keep their memory alive as long as they need it. */
    void release() {
        flatWeights.close();
        flatSlots.values().forEach(NDArray::close);
    }

    /** Returns the stretches of a flat tensor, each shaped as its weight. */
    private NDList views(NDArray flat) {
        if (weights.size() == 1) {
            return new NDList(flat.reshape(weights.get(0).getShape()));
        }
        NDList stretches = flat.split(Arrays.copyOf(ends, ends.length - 1));
        NDList shaped = new NDList(stretches.size());
        for (int i = 0; i < stretches.size(); i++) {
            shaped.add(stretches.get(i).reshape(weights.get(i).getShape()));
        }
        stretches.close();
        return shaped;
    }

    /** Returns arrays end to end, in a tensor of its own. */
    private static NDArray concatenated(List<NDArray> arrays) {
        NDList flattened = new NDList(arrays.size());
        for (NDArray array : arrays) {
            flattened.add(array.reshape(-1));
        }
        NDArray flat = NDArrays.concat(flattened);
        flattened.close();
        return flat;
    }
}

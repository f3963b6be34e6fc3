package dev.cnnbuild.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Clips the gradients of a network by their global norm, as PyTorch 1.13's
 * {@code clip_grad_norm_(parameters, max_norm)}: the L2 norm of the trainable parameters' gradients taken together
 * is {@code total = ||(||g_1||, ..., ||g_n||)||}; when {@code max_norm / (total + 1e-6)} is below 1, every gradient
 * is multiplied by it in place. Called between the backward pass and the optimizer's step, on one device.
 *
 * <pre>{@code
 * collector.backward(loss);
 * GradientClipping.clip(network, 1.0);
 * optimizer.stepAll(network, Set.of());
 * }</pre>
 */
final class GradientClipping {

    private GradientClipping() {}

    /**
     * Clips the gradients in place.
     *
     * @param network the network, trained on one device, after its backward pass
     * @param maxNorm the largest global norm
     * @return the global norm before clipping
     */
    static double clip(Block network, double maxNorm) {
        NDList gradients = new NDList();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Pair<String, Parameter> pair : network.getParameters()) {
                Parameter parameter = pair.getValue();
                if (parameter.requiresGradient() && parameter.isInitialized()) {
                    gradients.add(parameter.getArray().getGradient());
                }
            }
            if (gradients.isEmpty()) {
                return 0;
            }
            NDList norms = new NDList();
            for (NDArray gradient : gradients) {
                norms.add(gradient.norm().reshape(1));
            }
            double total = NDArrays.concat(norms).norm().getFloat();
            double coefficient = maxNorm / (total + 1e-6);
            if (coefficient < 1) {
                for (NDArray gradient : gradients) {
                    gradient.muli((float) coefficient);
                }
            }
            return total;
        }
    }
}

package dev.cnnbuild.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link SequentialBlock} that frees each layer's output once the next layer has run ({@link Intermediates}); the
 * same layers, parameters and parameter file as DJL's.
 *
 * <pre>{@code
 * SequentialBlock network = new ReleasingSequentialBlock().add(convolution).add(BatchNorm.builder().build());
 * }</pre>
 */
final class ReleasingSequentialBlock extends SequentialBlock {
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (isReturnIntermediate()) {
            return super.forwardInternal(parameterStore, inputs, training, params);
        }
        NDList current = inputs;
        for (Block block : getChildren().values()) {
            NDList next = block.forward(parameterStore, current, training);
            if (current != inputs) {
                Intermediates.release(current, inputs, next);
            }
            current = next;
        }
        return current;
    }
}

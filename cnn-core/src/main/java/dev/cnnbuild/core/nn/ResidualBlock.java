package dev.cnnbuild.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A residual block: its layers' output plus its shortcut's (the input itself, or a projection), a
 * {@link ParallelBlock} of the two that frees both outputs once summed ({@link Intermediates}).
 *
 * <pre>{@code
 * Block residual = new ResidualBlock(layers, Blocks.identityBlock());
 * }</pre>
 */
final class ResidualBlock extends ParallelBlock {
    ResidualBlock(Block layers, Block shortcut) {
        super(ResidualBlock::sum, List.of(layers, shortcut));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        List<Block> paths = getChildren().values();
        NDList layers = paths.get(0).forward(parameterStore, inputs, training);
        NDList shortcut = paths.get(1).forward(parameterStore, inputs, training);
        NDList sum = sum(List.of(layers, shortcut));
        Intermediates.release(layers, inputs, sum);
        Intermediates.release(shortcut, inputs, sum);
        return sum;
    }

    /** The residual block's output: its layers' output plus the shortcut's. */
    private static NDList sum(List<NDList> paths) {
        return new NDList(paths.get(0).singletonOrThrow().add(paths.get(1).singletonOrThrow()));
    }
}

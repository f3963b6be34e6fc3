package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.nn.ImageTensors;

/**
 * Feeds a network images in inference mode (no gradients, dropout off, batch norm on its running statistics), with
 * its pixels scaled as it expects: the one place where evaluation and prediction run a network.
 */
final class Logits {

    private Logits() {}

    /**
     * Returns the network's output for images {@code from} (inclusive) to {@code to} (exclusive), one row of logits
     * per image.
     */
    static NDArray of(Block network, PixelScaling scaling, NDManager scope, ImageSet images, int from, int to) {
        return of(network, scaling, ChannelNormalization.NONE, scope, images, from, to);
    }

    /** Returns the network's output for images scaled, then normalised per channel. */
    static NDArray of(
            Block network,
            PixelScaling scaling,
            ChannelNormalization normalization,
            NDManager scope,
            ImageSet images,
            int from,
            int to) {
        NDArray pixels = normalization.apply(scaling.apply(ImageTensors.input(network, scope, images, from, to)));
        return forward(network, scope, pixels);
    }

    /** Returns the network's output for an input tensor already scaled and normalised. */
    static NDArray forward(Block network, NDManager scope, NDArray pixels) {
        ParameterStore parameters = new ParameterStore(scope, false);
        return network.forward(parameters, new NDList(pixels), false).singletonOrThrow();
    }
}

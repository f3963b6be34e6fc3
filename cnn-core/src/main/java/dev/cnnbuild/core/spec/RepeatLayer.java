package dev.cnnbuild.core.spec;

import java.util.List;

/**
 * Layers written once and used several times in a row, each copy with its own parameters, so that a deep network
 * (a ResNet-18's stages) stays short to write.
 *
 * <pre>{@code
 * - repeat:
 *     times: 2
 *     layers:
 *       - residual:
 *           layers: [{conv2d: {filters: 64, kernel: 3, padding: 1}}, batchnorm, relu]
 *       - relu
 * }</pre>
 *
 * @param times how many copies, at least 1 and at most {@value #MOST_TIMES}
 * @param layers the layers of one copy, in order, at least one
 * @param location where the layer is written
 */
public record RepeatLayer(int times, List<LayerSpec> layers, SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "repeat";

    /** The most copies one repeat may ask for. */
    public static final int MOST_TIMES = 1000;

    /** Copies the layers. */
    public RepeatLayer {
        layers = List.copyOf(layers);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

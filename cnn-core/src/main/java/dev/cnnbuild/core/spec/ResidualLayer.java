package dev.cnnbuild.core.spec;

import java.util.List;

/**
 * A residual block: its layers' output added to its own input, as in ResNet. When the layers change the shape (a
 * stride, other filters), the input goes through a projection shortcut first, a 1x1 convolution with the layers'
 * stride followed by batch norm, unless {@code shortcut: identity} asks for the input unchanged.
 *
 * <pre>{@code
 * - residual:
 *     layers:
 *       - conv2d: {filters: 32, kernel: 3, stride: 2, padding: 1, bias: false}
 *       - batchnorm
 *       - relu
 *       - conv2d: {filters: 32, kernel: 3, padding: 1, bias: false}
 *       - batchnorm
 * - relu
 * }</pre>
 *
 * @param layers the layers of the main path, in order, at least one
 * @param shortcut what the layers' output is added to
 * @param location where the layer is written
 */
public record ResidualLayer(List<LayerSpec> layers, ResidualShortcut shortcut, SourceLocation location)
        implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "residual";

    /** Copies the layers. */
    public ResidualLayer {
        layers = List.copyOf(layers);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

package dev.cnnbuild.core.spec;

/**
 * What a residual block adds its layers' output to: {@code shortcut} of a {@code residual} layer.
 *
 * <pre>{@code
 * - residual:
 *     shortcut: identity        # or auto, the default, or projection
 *     layers: [...]
 * }</pre>
 *
 * <p>A projection is a 1x1 convolution without bias, with the stride that the block's layers apply, followed by a
 * batch norm: ResNet's downsampling shortcut (torchvision's {@code downsample}).
 */
public enum ResidualShortcut {
    /** The input unchanged where the layers keep its shape, else a projection (the default). */
    AUTO("auto"),
    /** The input unchanged; a block whose layers change the shape is an error. */
    IDENTITY("identity"),
    /** Always a projection, even where the layers keep the shape. */
    PROJECTION("projection");

    private final String yamlName;

    ResidualShortcut(String yamlName) {
        this.yamlName = yamlName;
    }

    /** Returns the value's name in the model file, such as {@code identity}. */
    public String yamlName() {
        return yamlName;
    }
}

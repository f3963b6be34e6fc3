package dev.cnnbuild.core.spec;

/**
 * The hyperbolic tangent activation; it has no parameters in the model file.
 *
 * <pre>{@code
 * - tanh          # or, the same: - tanh: {}
 * }</pre>
 *
 * @param location where the layer is written
 */
public record TanhLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "tanh";

    @Override
    public String type() {
        return TYPE;
    }
}

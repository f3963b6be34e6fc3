package dev.cnnbuild.core.spec;

/**
 * The rectified linear activation, max(0, x); it has no parameters in the model file.
 *
 * <pre>{@code
 * - relu          # or, the same: - relu: {}
 * }</pre>
 *
 * @param location where the layer is written
 */
public record ReluLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "relu";

    @Override
    public String type() {
        return TYPE;
    }
}

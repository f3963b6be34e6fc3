package dev.cnnbuild.core.spec;

/**
 * Turns each image into one flat vector, as needed before a linear layer; it has no parameters in the model file.
 *
 * <pre>{@code
 * - flatten          # or, the same: - flatten: {}
 * }</pre>
 *
 * @param location where the layer is written
 */
public record FlattenLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "flatten";

    @Override
    public String type() {
        return TYPE;
    }
}

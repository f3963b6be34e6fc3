package dev.cnnbuild.core.spec;

/**
 * A fully connected layer; it needs a flat input, so put {@code - flatten} before the first one.
 *
 * <pre>{@code
 * - linear: {units: 100}
 * }</pre>
 *
 * @param units the number of outputs
 * @param location where the layer is written
 */
public record LinearLayer(int units, SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "linear";

    @Override
    public String type() {
        return TYPE;
    }
}

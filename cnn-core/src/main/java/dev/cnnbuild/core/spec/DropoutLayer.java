package dev.cnnbuild.core.spec;

/**
 * Drops a random share of its inputs while training.
 *
 * <pre>{@code
 * - dropout                 # rate 0.5
 * - dropout: {rate: 0.25}
 * }</pre>
 *
 * @param rate the share of inputs dropped, at least 0 and below 1
 * @param location where the layer is written
 */
public record DropoutLayer(double rate, SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "dropout";

    @Override
    public String type() {
        return TYPE;
    }
}

package dev.cnnbuild.core.spec;

/**
 * The logistic activation, 1 / (1 + e^-x); it has no parameters in the model file.
 *
 * <pre>{@code
 * - sigmoid          # or, the same: - sigmoid: {}
 * }</pre>
 *
 * @param location where the layer is written
 */
public record SigmoidLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "sigmoid";

    @Override
    public String type() {
        return TYPE;
    }
}

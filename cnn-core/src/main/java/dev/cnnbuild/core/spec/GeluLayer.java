package dev.cnnbuild.core.spec;

/**
 * The Gaussian error linear unit, x·Φ(x) with Φ the standard normal distribution function (the exact form, as PyTorch's {@code nn.GELU()}, not its tanh approximation); it has no parameters in the model file.
 *
 * <pre>{@code
 * - gelu          # or, the same: - gelu: {}
 * }</pre>
 *
 * @param location where the layer is written
 */
public record GeluLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "gelu";

    @Override
    public String type() {
        return TYPE;
    }
}

package dev.cnnbuild.core.spec;

/**
 * The sigmoid linear unit (swish), x·sigmoid(x), as PyTorch's {@code nn.SiLU}; it has no parameters in the model file.
 *
 * <pre>{@code
 * - silu          # or, the same: - silu: {}
 * }</pre>
 *
 * @param location where the layer is written
 */
public record SiluLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "silu";

    @Override
    public String type() {
        return TYPE;
    }
}

package dev.cnnbuild.core.spec;

/**
 * The leaky rectified linear activation: x for x ≥ 0, {@code slope}·x below, as PyTorch's {@code nn.LeakyReLU}.
 *
 * <pre>{@code
 * - leakyRelu                  # slope 0.01
 * - leakyRelu: {slope: 0.2}
 * }</pre>
 *
 * @param slope the factor of negative inputs, at least 0; 0.01 unless given
 * @param location where the layer is written
 */
public record LeakyReluLayer(double slope, SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "leakyRelu";

    /** The slope when none is written, PyTorch's default. */
    public static final double DEFAULT_SLOPE = 0.01;

    @Override
    public String type() {
        return TYPE;
    }
}

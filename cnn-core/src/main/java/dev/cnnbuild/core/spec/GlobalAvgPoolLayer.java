package dev.cnnbuild.core.spec;

/**
 * The mean of each channel over the whole image: a {@code C x H x W} input gives {@code C} values, flat, so a linear layer can follow without a flatten (as Keras's {@code GlobalAveragePooling2D}, or PyTorch's {@code AdaptiveAvgPool2d(1)} then {@code flatten}). It has no parameters in the model file.
 *
 * <pre>{@code
 * - globalAvgPool          # 64x7x7 -> 64
 * }</pre>
 *
 * @param location where the layer is written
 */
public record GlobalAvgPoolLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "globalAvgPool";

    @Override
    public String type() {
        return TYPE;
    }
}

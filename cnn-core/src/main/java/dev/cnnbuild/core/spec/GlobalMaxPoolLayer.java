package dev.cnnbuild.core.spec;

/**
 * The largest value of each channel over the whole image: a {@code C x H x W} input gives {@code C} values, flat, so a linear layer can follow without a flatten (as Keras's {@code GlobalMaxPooling2D}). It has no parameters in the model file.
 *
 * <pre>{@code
 * - globalMaxPool          # 64x7x7 -> 64
 * }</pre>
 *
 * @param location where the layer is written
 */
public record GlobalMaxPoolLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "globalMaxPool";

    @Override
    public String type() {
        return TYPE;
    }
}

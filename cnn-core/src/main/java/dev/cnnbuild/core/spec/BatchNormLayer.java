package dev.cnnbuild.core.spec;

/**
 * Batch normalization over the channels (or the features of a flat input); it has no parameters in the model file.
 *
 * <pre>{@code
 * - batchnorm          # or, the same: - batchnorm: {}
 * }</pre>
 *
 * @param location where the layer is written
 */
public record BatchNormLayer(SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "batchnorm";

    @Override
    public String type() {
        return TYPE;
    }
}

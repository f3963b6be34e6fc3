package dev.cnnbuild.core.spec;

/**
 * Pads the image with {@code padding} black pixels on every side and cuts a random window of its own size, as
 * torchvision's {@code RandomCrop(size, padding)}.
 *
 * <pre>{@code
 * - randomCrop: {padding: 4}
 * }</pre>
 *
 * @param padding pixels added on each side, at least 1
 * @param location where it is written
 */
public record RandomCropAugmentation(int padding, SourceLocation location) implements AugmentationSpec {
    /** Its name in the model file. */
    public static final String TYPE = "randomCrop";

    @Override
    public String describe() {
        return TYPE + ": {padding: " + padding + "}";
    }
}

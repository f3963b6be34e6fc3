package dev.cnnbuild.core.spec;

/**
 * Scales brightness and contrast by factors drawn uniformly from {@code [1 - b, 1 + b]} and {@code [1 - c, 1 + c]},
 * as torchvision's {@code ColorJitter(brightness, contrast)}: brightness multiplies every value, contrast moves every
 * value away from or towards the image's mean grey.
 *
 * <pre>{@code
 * - colorJitter: {brightness: 0.2, contrast: 0.2}
 * }</pre>
 *
 * @param brightness the largest change of brightness, at least 0 and below 1
 * @param contrast the largest change of contrast, at least 0 and below 1
 * @param location where it is written
 */
public record ColorJitterAugmentation(double brightness, double contrast, SourceLocation location)
        implements AugmentationSpec {
    /** Its name in the model file. */
    public static final String TYPE = "colorJitter";

    @Override
    public String describe() {
        return TYPE + ": {brightness: " + brightness + ", contrast: " + contrast + "}";
    }
}

package dev.cnnbuild.core.spec;

/**
 * Rotates the image about its centre by an angle drawn uniformly from {@code [-degrees, degrees]}, filling the corners
 * with black, as torchvision's {@code RandomRotation}; meant for small angles.
 *
 * <pre>{@code
 * - rotation: {degrees: 10}
 * }</pre>
 *
 * @param degrees the largest angle either way, above 0 and at most 45
 * @param location where it is written
 */
public record RotationAugmentation(double degrees, SourceLocation location) implements AugmentationSpec {
    /** Its name in the model file. */
    public static final String TYPE = "rotation";

    @Override
    public String describe() {
        return TYPE + ": {degrees: " + degrees + "}";
    }
}

package dev.cnnbuild.core.spec;

/**
 * Mirrors the image left to right with a probability, as torchvision's {@code RandomHorizontalFlip}.
 *
 * <pre>{@code
 * - horizontalFlip                      # probability 0.5
 * - horizontalFlip: {probability: 0.3}
 * }</pre>
 *
 * @param probability the chance of a flip, above 0 and at most 1
 * @param location where it is written
 */
public record HorizontalFlipAugmentation(double probability, SourceLocation location) implements AugmentationSpec {
    /** Its name in the model file. */
    public static final String TYPE = "horizontalFlip";

    @Override
    public String describe() {
        return TYPE + ": {probability: " + probability + "}";
    }
}

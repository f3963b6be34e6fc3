package dev.cnnbuild.core.spec;

/**
 * One item of {@code data.augment}: a random change made to each training image, each epoch, seeded by
 * {@code training.seed}; test and validation images are never augmented.
 *
 * <pre>{@code
 * data:
 *   augment:
 *     - randomCrop: {padding: 4}
 *     - horizontalFlip
 *     - rotation: {degrees: 10}
 *     - colorJitter: {brightness: 0.2, contrast: 0.2}
 * }</pre>
 */
public sealed interface AugmentationSpec
        permits RandomCropAugmentation, HorizontalFlipAugmentation, RotationAugmentation, ColorJitterAugmentation {

    /** Returns the item as the model file writes it, for the report: {@code randomCrop: {padding: 4}}. */
    String describe();

    /** Returns where the item is in the model file. */
    SourceLocation location();
}

package dev.cnnbuild.core.spec;

import java.util.List;
import java.util.Optional;

/**
 * How image files become the network's input: the keys of {@code data} beside the files.
 *
 * <pre>{@code
 * data:
 *   format: folder
 *   dir: images
 *   testSplit: 0.2
 *   resize: stretch
 *   normalize: auto
 *   onBadImage: skip
 * }</pre>
 *
 * @param resize what to do with images of another size than {@code input}
 * @param normalize the normalisation per channel; empty for pixels in {@code [0, 1]}
 * @param augment the random changes made to training images, in order; empty for none
 * @param onBadImage what to do with an image file that cannot be read
 */
public record ImageOptions(
        ResizeMode resize,
        Optional<NormalizationSpec> normalize,
        List<AugmentationSpec> augment,
        BadImagePolicy onBadImage) {
    /**
     * The defaults: images must have the input's size, are neither normalised nor augmented, and an unreadable one
     * fails the build.
     */
    public static final ImageOptions DEFAULTS =
            new ImageOptions(ResizeMode.NONE, Optional.empty(), List.of(), BadImagePolicy.FAIL);

    /** Copies the augmentations. */
    public ImageOptions {
        augment = List.copyOf(augment);
    }
}

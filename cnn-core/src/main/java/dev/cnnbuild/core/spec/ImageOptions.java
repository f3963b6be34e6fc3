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
 * }</pre>
 *
 * @param resize what to do with images of another size than {@code input}
 * @param normalize the normalisation per channel; empty for pixels in {@code [0, 1]}
 * @param augment the random changes made to training images, in order; empty for none
 */
public record ImageOptions(ResizeMode resize, Optional<NormalizationSpec> normalize, List<AugmentationSpec> augment) {
    /** The defaults: images must have the input's size and are neither normalised nor augmented. */
    public static final ImageOptions DEFAULTS = new ImageOptions(ResizeMode.NONE, Optional.empty(), List.of());

    /** Copies the augmentations. */
    public ImageOptions {
        augment = List.copyOf(augment);
    }
}

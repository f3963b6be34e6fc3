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
 *   workers: 4          # threads preparing batches; by default what the training threads leave free
 *   cache: false        # decode the files every epoch instead of once into target/cnn-cache/
 * }</pre>
 *
 * @param resize what to do with images of another size than {@code input}
 * @param normalize the normalisation per channel; empty for pixels in {@code [0, 1]}
 * @param augment the random changes made to training images, in order; empty for none
 * @param onBadImage what to do with an image file that cannot be read
 * @param workers the threads that prepare training batches ahead of the network; 0 for the default
 * @param cache whether image files are decoded once into the decoded cache rather than every epoch
 */
public record ImageOptions(
        ResizeMode resize,
        Optional<NormalizationSpec> normalize,
        List<AugmentationSpec> augment,
        BadImagePolicy onBadImage,
        int workers,
        boolean cache) {
    /**
     * The defaults: images must have the input's size, are neither normalised nor augmented, an unreadable one fails
     * the build, the batches are prepared by the default workers and the files decoded once into the cache.
     */
    public static final ImageOptions DEFAULTS =
            new ImageOptions(ResizeMode.NONE, Optional.empty(), List.of(), BadImagePolicy.FAIL);

    /** Copies the augmentations. */
    public ImageOptions {
        augment = List.copyOf(augment);
    }

    /**
     * Options with the default workers and the cache on.
     *
     * @param resize what to do with images of another size than {@code input}
     * @param normalize the normalisation per channel; empty for pixels in {@code [0, 1]}
     * @param augment the random changes made to training images, in order; empty for none
     * @param onBadImage what to do with an image file that cannot be read
     */
    public ImageOptions(
            ResizeMode resize,
            Optional<NormalizationSpec> normalize,
            List<AugmentationSpec> augment,
            BadImagePolicy onBadImage) {
        this(resize, normalize, augment, onBadImage, 0, true);
    }
}

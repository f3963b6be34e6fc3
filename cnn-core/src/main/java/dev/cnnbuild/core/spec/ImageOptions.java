package dev.cnnbuild.core.spec;

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
 */
public record ImageOptions(ResizeMode resize, Optional<NormalizationSpec> normalize) {
    /** The defaults: images must have the input's size and are not normalised. */
    public static final ImageOptions DEFAULTS = new ImageOptions(ResizeMode.NONE, Optional.empty());
}

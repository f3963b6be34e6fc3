package dev.cnnbuild.core.spec;

/**
 * How image files become the network's input: the keys of {@code data} beside the files.
 *
 * <pre>{@code
 * data:
 *   format: folder
 *   dir: images
 *   testSplit: 0.2
 *   resize: stretch
 * }</pre>
 *
 * @param resize what to do with images of another size than {@code input}
 */
public record ImageOptions(ResizeMode resize) {
    /** The defaults: images must have the input's size. */
    public static final ImageOptions DEFAULTS = new ImageOptions(ResizeMode.NONE);
}

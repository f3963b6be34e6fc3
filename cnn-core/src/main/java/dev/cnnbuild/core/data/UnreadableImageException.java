package dev.cnnbuild.core.data;

/**
 * An image file that no decoder can read: damaged, truncated, not what its extension says, gone since it was
 * listed, or in a colour format that is not read. Only these files may be left out by {@code onBadImage: skip}
 * ({@link BadImages}); an image that reads but has the wrong size is a {@link DatasetException} of its own kind.
 *
 * <pre>{@code
 * try {
 *     ImageDecoder.decode(file, input, resize);
 * } catch (UnreadableImageException e) {
 *     badImages.found(file, key, e);   // fails, or records the file as skipped
 * }
 * }</pre>
 */
public final class UnreadableImageException extends DatasetException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the file, what is wrong with it, and how to fix it
     */
    public UnreadableImageException(String message) {
        super(message);
    }
}

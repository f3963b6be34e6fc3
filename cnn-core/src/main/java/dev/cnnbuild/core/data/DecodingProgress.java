package dev.cnnbuild.core.data;

/**
 * Hears how far decoding a set of image files has come; called from the decoding threads, so it must be thread-safe
 * and throttle itself.
 *
 * <pre>{@code
 * DecodingProgress progress = (done, total) -> System.out.println(done + " of " + total);
 * ImageSetDecoder.decode(listing, input, ResizeMode.NONE, progress);
 * }</pre>
 */
@FunctionalInterface
public interface DecodingProgress {
    /** Reports nothing. */
    DecodingProgress NONE = (done, total) -> {};

    /**
     * Called after each decoded file.
     *
     * @param done files decoded so far
     * @param total files to decode
     */
    void decoded(int done, int total);
}

package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.BadImagePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies {@code data.onBadImage} to the unreadable image files met while decoding a set: under {@code fail} the
 * first one fails the build, naming the file and both fixes; under {@code skip} each is recorded, so that the caller
 * leaves the image out together with its label, and {@link #summary()} gives one log line for all of them.
 * Thread-safe: decoding threads report to one collector.
 *
 * <pre>{@code
 * BadImages bad = new BadImages(BadImagePolicy.SKIP);
 * try {
 *     pixels = ImageDecoder.decode(file.file(), input, resize);
 * } catch (UnreadableImageException e) {
 *     bad.found(file.key(), e);   // throws under 'fail'; under 'skip' the caller drops this image and its label
 * }
 * bad.summary().ifPresent(log::info);   // "skipped 2 unreadable images (onBadImage: skip): cat/3.jpg, dog/9.png"
 * }</pre>
 */
public final class BadImages {
    /** How many skipped files the summary names. */
    static final int NAMED = 5;

    private final BadImagePolicy policy;
    private final List<String> skipped = new ArrayList<>();

    /**
     * Creates an empty collector.
     *
     * @param policy what to do with an unreadable file
     */
    public BadImages(BadImagePolicy policy) {
        this.policy = policy;
    }

    /**
     * Hears of an unreadable file.
     *
     * @param key how the set names the file, such as {@code cat/3.jpg}
     * @param error why it cannot be read, naming the file
     * @throws DatasetException under {@code fail}: the error, with the fix of leaving such files out
     */
    public void found(String key, UnreadableImageException error) throws DatasetException {
        if (policy == BadImagePolicy.FAIL) {
            throw new DatasetException(error.getMessage() + "; or set 'onBadImage: skip' in the model file's 'data'"
                    + " section to leave unreadable images out");
        }
        synchronized (skipped) {
            skipped.add(key);
        }
    }

    /** Returns the keys of the files skipped so far, sorted. */
    public List<String> skipped() {
        synchronized (skipped) {
            return skipped.stream().sorted().toList();
        }
    }

    /**
     * Returns one line naming what was skipped, or empty when nothing was.
     *
     * <pre>{@code
     * bad.summary();   // "skipped 7 unreadable images (onBadImage: skip): cat/3.jpg, cat/8.jpg, dog/1.png, ... (2 more)"
     * }</pre>
     */
    public Optional<String> summary() {
        List<String> keys = skipped();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String more = keys.size() > NAMED ? ", ... (" + (keys.size() - NAMED) + " more)" : "";
        return Optional.of(String.format(
                Locale.ROOT,
                "skipped %,d unreadable %s (onBadImage: skip): %s%s",
                keys.size(),
                keys.size() == 1 ? "image" : "images",
                String.join(", ", keys.subList(0, Math.min(NAMED, keys.size()))),
                more));
    }
}

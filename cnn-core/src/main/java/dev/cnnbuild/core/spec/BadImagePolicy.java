package dev.cnnbuild.core.spec;

import java.util.Locale;

/**
 * What {@code data.onBadImage} does with an image file that cannot be read: a damaged file, one that is not what
 * its extension says, or a colour format no decoder reads.
 *
 * <pre>{@code
 * data:
 *   onBadImage: skip   # leave unreadable files out, and list them in one log line
 * }</pre>
 */
public enum BadImagePolicy {
    /** Fail the build, naming the file and the fix (the default). */
    FAIL,
    /** Leave the file out of its set, with its label, and report it in one summary line. */
    SKIP;

    /** Returns the word of the model file: {@code fail} or {@code skip}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.cnnbuild.core.text;

import java.util.Locale;

/**
 * A count with its noun, singular for one and plural otherwise, so that a message never says "1 checks". Counts are
 * written with a thousands separator, as the progress lines write them.
 *
 * <pre>{@code
 * Counted.of(1, "check");              // "1 check"
 * Counted.of(12_000, "image");         // "12,000 images"
 * Counted.of(2, "batch", "batches");   // "2 batches"
 * }</pre>
 */
public final class Counted {

    private Counted() {}

    /**
     * A count and a noun whose plural adds an {@code s}.
     *
     * @param count how many
     * @param singular the noun for one, such as {@code "check"}
     * @return such as {@code "1 check"} or {@code "3 checks"}
     */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /**
     * A count and a noun of its own plural.
     *
     * @param count how many
     * @param singular the noun for one, such as {@code "batch"}
     * @param plural the noun for any other count, such as {@code "batches"}
     * @return such as {@code "1 batch"} or {@code "0 batches"}
     */
    public static String of(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d ", count) + noun(count, singular, plural);
    }

    /**
     * The noun alone, for a count written elsewhere.
     *
     * @param count how many
     * @param singular the noun for one
     * @param plural the noun for any other count
     * @return {@code singular} for 1, {@code plural} otherwise
     */
    public static String noun(long count, String singular, String plural) {
        return count == 1 ? singular : plural;
    }
}

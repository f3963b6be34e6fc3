package dev.cnnbuild.core.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid word a misspelled one was probably meant to be, for messages about unknown names: a valid word is
 * close if it is at most two edits away (Levenshtein distance) or one of the two words starts with the other,
 * ignoring case and the misspelled word's surrounding blanks; the closest wins, the first among equals.
 *
 * <pre>{@code
 * Suggestions.didYouMean("acuracy", List.of("accuracy", "loss"));   // "; did you mean 'accuracy'?"
 * Suggestions.unknownWordHint("acuracy", List.of("accuracy", "loss"), "metrics");
 * // "; did you mean 'accuracy'? Valid metrics: accuracy, loss"
 * Suggestions.unknownWordHint("throughput", List.of("accuracy", "loss"), "metrics");
 * // "; valid metrics: accuracy, loss"
 * }</pre>
 */
public final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {}

    /**
     * Returns the hint for a misspelled word: {@code "; did you mean 'filters'?"}, or nothing if no valid word is
     * close or the word is blank.
     *
     * @param wrong the misspelled word
     * @param valid the valid words
     * @return the hint, or an empty string
     */
    public static String didYouMean(String wrong, Collection<String> valid) {
        return nearest(wrong, valid)
                .map(word -> "; did you mean '" + word + "'?")
                .orElse("");
    }

    /**
     * Returns the valid word a misspelled one was probably meant to be.
     *
     * <pre>{@code
     * Suggestions.nearest("filter", List.of("filters", "kernel"));   // Optional[filters]
     * }</pre>
     *
     * @param wrong the misspelled word
     * @param valid the valid words
     * @return the closest valid word, the first among equals; empty if none is close or the word is blank
     */
    public static Optional<String> nearest(String wrong, Collection<String> valid) {
        String word = wrong.trim();
        if (word.isEmpty()) {
            return Optional.empty();
        }
        String lowerWrong = word.toLowerCase(Locale.ROOT);
        String nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
            int distance = editDistance(lowerWrong, lowerCandidate);
            boolean prefix = lowerCandidate.startsWith(lowerWrong) || lowerWrong.startsWith(lowerCandidate);
            if ((distance <= MAX_DISTANCE || prefix) && distance < nearestDistance) {
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /**
     * Returns the tail of a message about an unknown word: the closest valid word if one is close, then all valid
     * words, such as {@code "; did you mean 'filters'? Valid keys: filters, kernel"}, or
     * {@code "; valid keys: filters, kernel"} when none is close.
     *
     * @param wrong the unknown word
     * @param valid the valid words, listed in this order
     * @param validWords what the valid words are, in the plural, such as {@code "keys"}
     * @return the tail, starting with {@code "; "}
     */
    public static String unknownWordHint(String wrong, Collection<String> valid, String validWords) {
        String suggestion = didYouMean(wrong, valid);
        String list = String.join(", ", valid);
        return suggestion.isEmpty()
                ? "; valid " + validWords + ": " + list
                : suggestion + " Valid " + validWords + ": " + list;
    }

    /**
     * Returns the Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into
     * {@code b}.
     *
     * @param a one word
     * @param b the other
     * @return the distance, 0 for equal words
     */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

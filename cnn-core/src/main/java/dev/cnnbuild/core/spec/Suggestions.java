package dev.cnnbuild.core.spec;

import java.util.Collection;
import java.util.Locale;

/** Finds the valid word a misspelled one was probably meant to be. */
final class Suggestions {

    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /**
     * The hint for a misspelled word: {@code "; did you mean 'filters'?"}, or nothing if no valid word is close.
     * A valid word is close if it is at most two edits away or one of the two words starts with the other,
     * ignoring case.
     */
    static String didYouMean(String wrong, Collection<String> valid) {
        String nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        String lowerWrong = wrong.toLowerCase(Locale.ROOT);
        for (String candidate : valid) {
            String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
            int distance = editDistance(lowerWrong, lowerCandidate);
            boolean prefix = lowerCandidate.startsWith(lowerWrong) || lowerWrong.startsWith(lowerCandidate);
            if ((distance <= MAX_DISTANCE || prefix) && distance < nearestDistance) {
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        return nearest == null || wrong.isEmpty() ? "" : "; did you mean '" + nearest + "'?";
    }

    /**
     * The tail of a message about an unknown word: the closest valid word if there is one, then all valid words,
     * such as {@code "; did you mean 'filters'? Valid keys: filters, kernel"}.
     */
    static String unknownWordHint(String wrong, Collection<String> valid, String validWords) {
        String suggestion = didYouMean(wrong, valid);
        String list = String.join(", ", valid);
        return suggestion.isEmpty() ? "; valid " + validWords + ": " + list
                : suggestion + " Valid " + validWords + ": " + list;
    }

    /** The Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b. */
    static int editDistance(String a, String b) {
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

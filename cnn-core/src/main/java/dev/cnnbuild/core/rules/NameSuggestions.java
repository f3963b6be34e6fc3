package dev.cnnbuild.core.rules;

import java.util.List;
import java.util.Locale;

/** Finds the valid name a misspelled one was probably meant to be. */
final class NameSuggestions {
    private static final int MAX_DISTANCE = 2;

    private NameSuggestions() {
    }

    /**
     * Returns the tail of a message about an unknown name: the closest valid name if one is close, then all valid
     * names, such as {@code "; did you mean 'accuracy'? Valid metrics: accuracy, loss"}, or
     * {@code "; valid metrics: accuracy, loss"} when none is close. A name is close if it is at most two edits away,
     * or one starts with the other, ignoring case.
     */
    static String hint(String wrong, List<String> valid, String kind) {
        String list = String.join(", ", valid);
        String nearest = nearest(wrong.trim(), valid);
        return nearest == null ? "; valid " + kind + ": " + list
                : "; did you mean '" + nearest + "'? Valid " + kind + ": " + list;
    }

    private static String nearest(String wrong, List<String> valid) {
        String lowerWrong = wrong.toLowerCase(Locale.ROOT);
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
        return nearest;
    }

    /** Returns the Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b. */
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

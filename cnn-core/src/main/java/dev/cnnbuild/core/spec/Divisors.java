package dev.cnnbuild.core.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The divisors of a count, for messages that ask for one, such as a convolution's {@code groups}.
 *
 * <pre>{@code
 * Divisors.near(16, 3);     // "1, 2, 4, 8 or 16"
 * }</pre>
 */
final class Divisors {
    private static final int MOST_LISTED = 8;

    private Divisors() {}

    /**
     * The divisors of {@code count} in rising order, or the few nearest {@code wanted} when there are many.
     *
     * @param count a positive count
     * @param wanted the value written, which does not divide it
     * @return such as {@code "1, 2, 4, 8 or 16"}
     */
    static String near(int count, int wanted) {
        List<Integer> divisors = new ArrayList<>();
        for (int d = 1; (long) d * d <= count; d++) {
            if (count % d == 0) {
                divisors.add(d);
                if (d != count / d) {
                    divisors.add(count / d);
                }
            }
        }
        List<Integer> listed = divisors.stream()
                .sorted(Comparator.comparingLong(d -> Math.abs((long) d - wanted)))
                .limit(MOST_LISTED)
                .sorted()
                .toList();
        String words = listed.size() == 1
                ? String.valueOf(listed.get(0))
                : listed.subList(0, listed.size() - 1).stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(", "))
                        + " or " + listed.get(listed.size() - 1);
        return listed.size() < divisors.size() ? "such as " + words : words;
    }
}

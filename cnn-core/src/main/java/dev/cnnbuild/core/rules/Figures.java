package dev.cnnbuild.core.rules;

import java.util.Locale;

/** Formats numbers for messages the same way everywhere: values with 4 decimals, percentages with 2. */
final class Figures {

    private Figures() {
    }

    /** Returns {@code 0.9712} for 0.97123, {@code NaN} for NaN. */
    static String value(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Returns {@code 1.56%} for the fraction 0.0156. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}

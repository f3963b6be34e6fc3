package dev.cnnbuild.core.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Formats figures for messages the same way everywhere, in the gate and in the test API: measured values with 4
 * decimals, percentages with 2, counts with thousands separators, and limits at the precision they were written.
 *
 * <pre>{@code
 * FigureText.value(0.97123);   // "0.9712"
 * FigureText.percent(0.0156);  // "1.56%"
 * FigureText.count(9712);      // "9,712"
 * FigureText.millis(Duration.ofMillis(12)); // "12.0000 ms"
 * FigureText.limit(0.00001);   // "0.00001", as a user writes it (JaCoCo prints its limits so)
 * }</pre>
 */
public final class FigureText {

    private FigureText() {}

    /** Returns {@code 0.9712} for 0.97123, {@code NaN} for NaN. */
    public static String value(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Returns {@code 1.56%} for the fraction 0.0156. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** Returns {@code 9,712} for 9712. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Returns {@code 12.5000 ms} for 12.5 milliseconds. */
    public static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.4f ms", duration.toNanos() / 1e6);
    }

    /** Returns a limit as written: the shortest decimal that reads back as it, {@code 0.98}, {@code 0.00001}. */
    public static String limit(double limit) {
        return Double.isFinite(limit) ? plain(BigDecimal.valueOf(limit)) : Double.toString(limit);
    }

    /** Returns a limit that is a share as a percentage, as written: {@code 10%} for 0.1, {@code 2.5%}. */
    public static String limitPercent(double fraction) {
        return Double.isFinite(fraction)
                ? plain(BigDecimal.valueOf(fraction).movePointRight(2)) + "%"
                : Double.toString(fraction);
    }

    private static String plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}

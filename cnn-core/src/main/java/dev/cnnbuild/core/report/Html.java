package dev.cnnbuild.core.report;

import java.util.Locale;

/** Escapes text for HTML and formats numbers the same way across the report. */
final class Html {

    private Html() {}

    /** Escapes text for an element's content or a quoted attribute; {@code null} becomes empty. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Returns {@code value} with {@code decimals} decimals, such as {@code 0.9712}. */
    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Returns a fraction as a percentage with {@code decimals} decimals, such as {@code 97.12%}. */
    static String percent(double fraction, int decimals) {
        return fixed(fraction * 100, decimals) + "%";
    }

    /** Returns a count with thousands separators, such as {@code 1,234}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Returns a duration such as {@code 12.5 s} or {@code 3 min 12 s}. */
    static String seconds(double seconds) {
        if (seconds < 60) {
            return fixed(seconds, 1) + " s";
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %d s", whole / 60, whole % 60);
    }
}

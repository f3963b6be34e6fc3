package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A quality-gate rule as it crosses into the forked JVM: its POM fields as written, encoded as one command-line
 * argument of {@code key=value} pairs separated by commas. {@code cnn:check} encodes, {@link CheckCommand}
 * decodes; both use this record, so the two sides cannot disagree on the keys or their order.
 *
 * <p>A backslash escapes a comma, an equals sign or a backslash inside a value, so no value can be read as another
 * field: the POM's {@code <minimum>abc,minimum=0</minimum>} crosses as {@code minimum=abc\,minimum\=0} and is
 * refused as a minimum that is not a number.
 *
 * <pre>{@code
 * String argument = new RuleArgument("classAccuracy", "8", "95%", null, null, null).encode();
 * // metric=classAccuracy,label=8,minimum=95%
 * Rule rule = RuleArgument.decode(argument).toRule();
 * }</pre>
 *
 * @param metric the metric's name
 * @param label the class, for a per-class metric; {@code null} for every class
 * @param minimum the lowest value allowed, as written; {@code null} for none
 * @param maximum the highest value allowed, as written; {@code null} for none
 * @param absoluteTolerance how much worse than the baseline the metric may get; {@code null} for no limit
 * @param relativeTolerance how much worse, relative to the baseline; {@code null} for no limit
 */
public record RuleArgument(
        String metric,
        String label,
        String minimum,
        String maximum,
        String absoluteTolerance,
        String relativeTolerance) {
    private static final List<String> KEYS =
            List.of("metric", "label", "minimum", "maximum", "absoluteTolerance", "relativeTolerance");

    /** Trims the fields; a blank field is {@code null}. */
    public RuleArgument {
        metric = blankToNull(metric);
        label = blankToNull(label);
        minimum = blankToNull(minimum);
        maximum = blankToNull(maximum);
        absoluteTolerance = blankToNull(absoluteTolerance);
        relativeTolerance = blankToNull(relativeTolerance);
    }

    /**
     * Returns the argument: the fields that are set, as {@code key=value}, separated by commas, with every comma,
     * equals sign and backslash of a value escaped by a backslash.
     */
    public String encode() {
        StringJoiner joined = new StringJoiner(",");
        List<String> values = values();
        for (int i = 0; i < KEYS.size(); i++) {
            if (values.get(i) != null) {
                joined.add(KEYS.get(i) + "=" + escape(values.get(i)));
            }
        }
        return joined.toString();
    }

    /**
     * Reads an argument back.
     *
     * @param argument the argument, as {@link #encode()} writes it
     * @return the fields
     * @throws RuleException if the argument is empty, a key is unknown or given twice, or a part is not
     *     {@code key=value}
     */
    public static RuleArgument decode(String argument) throws RuleException {
        if (argument.isBlank()) {
            throw new RuleException("a rule argument is empty; write the metric and a limit, such as"
                    + " metric=accuracy,minimum=0.98");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String[] pair : pairs(argument)) {
            String key = pair[0];
            if (pair[1] == null) {
                throw new RuleException("rule '" + argument + "': '" + key + "' is not a field=value pair; commas"
                        + " separate the fields, so write a decimal point (0.5, not 0,5) or escape a comma in a"
                        + " value as \\,");
            }
            if (!KEYS.contains(key)) {
                throw new RuleException("rule '" + argument + "': unknown field '" + key + "'; valid fields: "
                        + String.join(", ", KEYS));
            }
            if (fields.put(key, pair[1]) != null) {
                throw new RuleException("rule '" + argument + "': field '" + key + "' is given twice; give it once");
            }
        }
        return new RuleArgument(
                fields.get("metric"),
                fields.get("label"),
                fields.get("minimum"),
                fields.get("maximum"),
                fields.get("absoluteTolerance"),
                fields.get("relativeTolerance"));
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     * @throws RuleException if the rule is not valid, such as an unknown metric or a limit that is not a number
     */
    public Rule toRule() throws RuleException {
        return Rule.builder(metric)
                .label(label)
                .minimum(minimum)
                .maximum(maximum)
                .absoluteTolerance(absoluteTolerance)
                .relativeTolerance(relativeTolerance)
                .build();
    }

    private List<String> values() {
        return Arrays.asList(metric, label, minimum, maximum, absoluteTolerance, relativeTolerance);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }

    /** Splits at unescaped commas into {key, value}; the value is null where a part has no unescaped '='. */
    private static List<String[]> pairs(String argument) {
        List<String[]> pairs = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        StringBuilder value = null;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            StringBuilder current = value == null ? key : value;
            if (c == '\\' && i + 1 < argument.length()) {
                current.append(argument.charAt(++i));
            } else if (c == ',') {
                pairs.add(new String[] {key.toString(), value == null ? null : value.toString()});
                key = new StringBuilder();
                value = null;
            } else if (c == '=' && value == null) {
                value = new StringBuilder();
            } else {
                current.append(c);
            }
        }
        pairs.add(new String[] {key.toString(), value == null ? null : value.toString()});
        return pairs;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A quality-gate rule written as one command-line argument, {@code key=value} pairs separated by commas, as
 * {@code cnn:check} passes its POM rules to the forked JVM.
 *
 * <pre>{@code
 * Rule rule = RuleArgument.parse("metric=classAccuracy,label=8,minimum=95%");
 * String text = RuleArgument.format("accuracy", null, "0.98", null, "0.005", null);
 * }</pre>
 */
public final class RuleArgument {
    private static final List<String> KEYS = List.of("metric", "label", "minimum", "maximum", "absoluteTolerance",
            "relativeTolerance");

    private RuleArgument() {
    }

    /**
     * Writes a rule's POM fields as one argument; {@code null} or blank fields are left out.
     *
     * @param fields metric, label, minimum, maximum, absoluteTolerance, relativeTolerance, in this order
     * @return the argument
     */
    public static String format(String... fields) {
        StringJoiner joined = new StringJoiner(",");
        for (int i = 0; i < KEYS.size() && i < fields.length; i++) {
            if (fields[i] != null && !fields[i].isBlank()) {
                joined.add(KEYS.get(i) + "=" + fields[i].trim());
            }
        }
        return joined.toString();
    }

    /**
     * Reads an argument back into a rule.
     *
     * @param argument the argument
     * @return the rule
     * @throws RuleException if a key is unknown or the rule is not valid
     */
    public static Rule parse(String argument) throws RuleException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : argument.split(",")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (!KEYS.contains(key)) {
                throw new RuleException("rule '" + argument + "': unknown field '" + key + "'; valid fields: "
                        + String.join(", ", KEYS));
            }
            fields.put(key, equals < 0 ? "" : pair.substring(equals + 1));
        }
        return Rule.builder(fields.get("metric"))
                .label(fields.get("label"))
                .minimum(fields.get("minimum"))
                .maximum(fields.get("maximum"))
                .absoluteTolerance(fields.get("absoluteTolerance"))
                .relativeTolerance(fields.get("relativeTolerance"))
                .build();
    }
}

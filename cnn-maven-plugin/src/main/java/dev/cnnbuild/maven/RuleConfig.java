package dev.cnnbuild.maven;

import dev.cnnbuild.core.cli.RuleArgument;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleException;

/**
 * One {@code <rule>} of {@code cnn:check}: a metric with a minimum or maximum ("0.98" or "98%"), or a tolerance
 * against the baseline. Without a {@code label}, a per-class metric is checked for every class. It is bound to the
 * core's {@link Rule} in Maven's JVM ({@link #toRule()}), as JaCoCo's {@code RuleConfiguration} is to its core
 * rule, so a wrong rule fails the build before anything is forked or trained.
 *
 * <pre>{@code
 * <rules>
 *   <rule><metric>accuracy</metric><minimum>98%</minimum></rule>
 *   <rule><metric>classAccuracy</metric><minimum>0.95</minimum></rule>
 *   <rule><metric>classAccuracy</metric><label>8</label><minimum>0.97</minimum></rule>
 *   <rule><metric>loss</metric><maximum>0.05</maximum><relativeTolerance>10%</relativeTolerance></rule>
 * </rules>
 * }</pre>
 */
public class RuleConfig {
    private String metric;
    private String label;
    private String minimum;
    private String maximum;
    private String absoluteTolerance;
    private String relativeTolerance;

    /** An empty rule, which Maven fills from the POM. */
    public RuleConfig() {}

    /** A rule read from the project model by {@code cnn:train} ({@link CheckExecution}). */
    RuleConfig(
            String metric,
            String label,
            String minimum,
            String maximum,
            String absoluteTolerance,
            String relativeTolerance) {
        this.metric = metric;
        this.label = label;
        this.minimum = minimum;
        this.maximum = maximum;
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /**
     * Binds the rule to the core's rule.
     *
     * @return the rule
     * @throws RuleException if the rule is not valid, such as an unknown metric or a limit that is not a number
     */
    Rule toRule() throws RuleException {
        return argument().toRule();
    }

    /** Returns the rule as the forked check's request holds it. */
    RuleArgument toArgument() {
        return argument();
    }

    /**
     * Returns the rule as written in the POM, for messages:
     * {@code <metric>classAccuracy</metric><label>zeroo</label><minimum>0.9</minimum>}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        String[] names = {"metric", "label", "minimum", "maximum", "absoluteTolerance", "relativeTolerance"};
        String[] values = {metric, label, minimum, maximum, absoluteTolerance, relativeTolerance};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                text.append('<')
                        .append(names[i])
                        .append('>')
                        .append(values[i])
                        .append("</")
                        .append(names[i])
                        .append('>');
            }
        }
        return text.toString();
    }

    private RuleArgument argument() {
        return new RuleArgument(metric, label, minimum, maximum, absoluteTolerance, relativeTolerance);
    }
}

package dev.cnnbuild.maven;

import dev.cnnbuild.core.cli.RuleArgument;

/**
 * One {@code <rule>} of {@code cnn:check}: a metric with a minimum or maximum ("0.98" or "98%"), or a tolerance
 * against the baseline. Without a {@code label}, a per-class metric is checked for every class.
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

    /** Returns the rule as the forked check's request holds it. */
    RuleArgument toArgument() {
        return new RuleArgument(metric, label, minimum, maximum, absoluteTolerance, relativeTolerance);
    }
}

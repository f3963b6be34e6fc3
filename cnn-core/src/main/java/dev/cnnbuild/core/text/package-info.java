/**
 * Text helpers that messages across the core share, such as the "did you mean" hint for a misspelled name and a
 * count with its noun in the singular or plural.
 *
 * <pre>{@code
 * throw new RuleException("unknown metric '" + name + "'"
 *         + Suggestions.unknownWordHint(name, Metric.pomNames(), "metrics"));
 * }</pre>
 */
package dev.cnnbuild.core.text;

/**
 * Compares a model's metrics with a baseline's ({@code metrics.json} of an earlier model), with absolute and
 * relative changes as TFMA and MLflow define them, and finds the regressions beyond a tolerance.
 *
 * <pre>{@code
 * List<MetricChange> worse = BaselineComparison.regressions(baseline, current, Tolerance.relative(0.01));
 * }</pre>
 */
package dev.cnnbuild.core.compare;

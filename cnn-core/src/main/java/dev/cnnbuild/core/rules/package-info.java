/**
 * Quality-gate rules for trained models, in the manner of JaCoCo's {@code check} goal: limits on test figures and
 * tolerances against a baseline, checked into a {@link dev.cnnbuild.core.rules.GateResult} whose messages read
 * like JaCoCo's, and written as a JUnit XML report for CI servers. The package knows nothing of Maven; the
 * plugin's {@code cnn:check} and {@code cnn:bless} goals drive it, and the test API's regression assertions
 * ({@code isNoWorseThanBaseline}) compare through the same {@link dev.cnnbuild.core.rules.QualityGate}.
 *
 * <pre>{@code
 * List<Rule> rules = List.of(
 *         Rule.builder("accuracy").minimum("98%").absoluteTolerance("0.005").build(),
 *         Rule.builder("loss").maximum("0.05").build(),
 *         Rule.builder("classAccuracy").minimum("95%").build());            // every class
 * Baseline baseline = Baseline.load(Path.of("src/test/cnn/mnist-cnn.metrics.json"));
 * GateResult result = new QualityGate(rules).check("mnist-cnn", MetricSource.of(evaluation), baseline);
 * result.baselineNote().ifPresent(log::info);   // no baseline at ...; change rules skipped
 * JUnitXmlWriter.write(result, reports.resolve(JUnitXmlWriter.fileName("mnist-cnn")));
 * result.violations().forEach(v -> log.error(v.message()));
 * // mnist-cnn: accuracy of class 8 is 0.9420, but expected minimum is 0.9500
 *
 * BaselineWriter.bless(ModelDirectory.of(Path.of("target/cnn/mnist-cnn")), baselineFile);   // cnn:bless
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.cnnbuild.core.rules.Metric}, {@link dev.cnnbuild.core.rules.Measure}: what can be checked;</li>
 *   <li>{@link dev.cnnbuild.core.rules.Rule}: a metric with limits, built from POM text;</li>
 *   <li>{@link dev.cnnbuild.core.rules.MetricSource}: figures from a live evaluation or a {@code metrics.json};</li>
 *   <li>{@link dev.cnnbuild.core.rules.QualityGate}: checks rules, and defines the change measures;</li>
 *   <li>{@link dev.cnnbuild.core.rules.Baseline}, {@link dev.cnnbuild.core.rules.BaselineWriter}: the figures
 *       to compare with, and how {@code cnn:bless} writes them;</li>
 *   <li>{@link dev.cnnbuild.core.rules.JUnitXmlWriter}: the gate as test results.</li>
 * </ul>
 */
package dev.cnnbuild.core.rules;

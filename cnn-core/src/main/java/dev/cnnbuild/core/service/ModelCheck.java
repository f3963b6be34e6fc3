package dev.cnnbuild.core.service;

import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.rules.GateResult;
import java.nio.file.Path;

/**
 * The check of one trained model: the figures measured on its test set, the gate's result, and the report
 * rewritten with it.
 *
 * <pre>{@code
 * ModelCheck check = checks.get(0);
 * if (!check.gate().passed()) {
 *     check.gate().outcomes().forEach(o -> System.err.println(o.message()));
 * }
 * }</pre>
 *
 * @param modelName the model's name
 * @param evaluatedOn the device the figures were measured on, such as {@code cpu()}
 * @param trainedOn the device the model was trained on, as {@code metrics.json} records it
 * @param measured the figures measured on the test set now
 * @param gate the rules' outcomes
 * @param report the rewritten {@code report.html}
 */
public record ModelCheck(
        String modelName, String evaluatedOn, String trainedOn, TestMetrics measured, GateResult gate, Path report) {}

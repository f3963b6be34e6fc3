package dev.cnnbuild.test.error;

import dev.cnnbuild.core.rules.GateResult;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model that regressed against its baseline: a headline, then every metric worse by more
 * than the tolerance on its own line, worded as {@code cnn:check} words it.
 *
 * <pre>{@code
 * // Expecting no metric of model mnist-cnn on its test set to be worse than baseline baseline/metrics.json by
 * // more than 0.0050 (absolute) but 1 of 35 was:
 * // mnist-cnn: test accuracy is 0.9712, 0.0138 (1.40%) worse than the baseline 0.9850; at most 0.0050 is allowed
 * throwAssertionError(ShouldBeNoWorseThanBaseline.shouldBeNoWorseThanBaseline("mnist-cnn", "its test set",
 *         "baseline/metrics.json", gateResult, "0.0050 (absolute)"));
 * }</pre>
 */
public final class ShouldBeNoWorseThanBaseline extends BasicErrorMessageFactory {

    private ShouldBeNoWorseThanBaseline(
            String model, String testSet, String baseline, GateResult result, String tolerance) {
        super(
                "Expecting no metric of model %s on %s to be worse than baseline %s by more than %s but %s of %s %s:"
                        + "%s",
                unquotedString(model),
                unquotedString(testSet),
                unquotedString(baseline),
                unquotedString(tolerance),
                result.violations().size(),
                result.outcomes().size(),
                unquotedString(result.violations().size() == 1 ? "was" : "were"),
                unquotedString(result.violations().stream()
                        .map(violation -> "\n" + violation.message())
                        .collect(Collectors.joining())));
    }

    /**
     * Creates the message; call it only when some metric regressed.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param baseline how the baseline is called: its file, or its model
     * @param result what the quality gate found, one outcome per compared metric
     * @param tolerance how much worse a metric could get, in words
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeNoWorseThanBaseline(
            String model, String testSet, String baseline, GateResult result, String tolerance) {
        return new ShouldBeNoWorseThanBaseline(model, testSet, baseline, result, tolerance);
    }
}

package dev.cnnbuild.test.error;

import dev.cnnbuild.core.compare.MetricChange;
import dev.cnnbuild.core.compare.Tolerance;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the message of a model that regressed against its baseline: every metric worse by more than the
 * tolerance, with its absolute change ({@code current - baseline}) and relative change
 * ({@code (current - baseline) / baseline}).
 *
 * <pre>{@code
 * // Expecting no metric of model mnist-cnn on its test set to be worse than baseline baseline/metrics.json by
 * // more than 0.0050 (absolute) but 1 of 35 was: accuracy 0.9712 against 0.9850 (absolute change -0.0138,
 * // relative change -0.0140)
 * throwAssertionError(ShouldBeNoWorseThanBaseline.shouldBeNoWorseThanBaseline("mnist-cnn", "its test set",
 *         "baseline/metrics.json", regressions, 35, Tolerance.absolute(0.005)));
 * }</pre>
 */
public final class ShouldBeNoWorseThanBaseline extends BasicErrorMessageFactory {

    private ShouldBeNoWorseThanBaseline(String model, String testSet, String baseline, List<MetricChange> worse,
            int compared, Tolerance tolerance) {
        super("Expecting no metric of model %s on %s to be worse than baseline %s by more than %s but %s of %s %s:"
                + " %s", unquotedString(model), unquotedString(testSet), unquotedString(baseline),
                unquotedString(tolerance.describe()), worse.size(), compared,
                unquotedString(worse.size() == 1 ? "was" : "were"), unquotedString(worse.stream()
                        .map(change -> change.metric() + " " + Figures.share(change.current()) + " against "
                                + Figures.share(change.baseline()) + " (absolute change "
                                + Figures.share(change.absoluteChange()) + ", relative change "
                                + Figures.share(change.relativeChange()) + ")")
                        .collect(Collectors.joining(", "))));
    }

    /**
     * Creates the message; call it only when some metric regressed.
     *
     * @param model the model's name
     * @param testSet how the test set is called
     * @param baseline how the baseline is called: its file, or its model
     * @param worse the metrics worse than the tolerance allows
     * @param compared how many metrics were compared
     * @param tolerance how much worse a metric could get
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeNoWorseThanBaseline(String model, String testSet, String baseline,
            List<MetricChange> worse, int compared, Tolerance tolerance) {
        return new ShouldBeNoWorseThanBaseline(model, testSet, baseline, worse, compared, tolerance);
    }
}

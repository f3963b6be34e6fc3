package dev.cnnbuild.core.compare;

import dev.cnnbuild.core.model.ClassMetrics;
import dev.cnnbuild.core.model.TestMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares every metric of a test evaluation with a baseline's: accuracy, loss, macro precision, recall and F1,
 * and each class's precision, recall and F1 (a class's accuracy is its recall).
 *
 * <pre>{@code
 * TestMetrics baseline = ModelMetrics.read(Path.of("baseline/metrics.json")).test();
 * List<MetricChange> worse = BaselineComparison.regressions(baseline, TestMetrics.of(evaluation),
 *         Tolerance.absolute(0.005));
 * }</pre>
 */
public final class BaselineComparison {

    private BaselineComparison() {
    }

    /**
     * Pairs each metric of the baseline with the current one.
     *
     * @param baseline the baseline's metrics
     * @param current the current metrics
     * @return the changes, overall metrics first, then class by class
     * @throws IllegalArgumentException if the two have different numbers of classes
     */
    public static List<MetricChange> compare(TestMetrics baseline, TestMetrics current) {
        if (baseline.perClass().size() != current.perClass().size()) {
            throw new IllegalArgumentException("the baseline has " + baseline.perClass().size()
                    + " classes but the model has " + current.perClass().size() + "; compare models of one task");
        }
        List<MetricChange> changes = new ArrayList<>();
        changes.add(higher("accuracy", baseline.accuracy(), current.accuracy()));
        changes.add(new MetricChange("loss", Direction.LOWER_IS_BETTER, baseline.loss(), current.loss()));
        changes.add(higher("macro precision", baseline.macroPrecision(), current.macroPrecision()));
        changes.add(higher("macro recall", baseline.macroRecall(), current.macroRecall()));
        changes.add(higher("macro F1", baseline.macroF1(), current.macroF1()));
        for (int c = 0; c < baseline.perClass().size(); c++) {
            ClassMetrics before = baseline.perClass().get(c);
            ClassMetrics now = current.perClass().get(c);
            changes.add(higher("precision of class " + c, before.precision(), now.precision()));
            changes.add(higher("recall of class " + c, before.recall(), now.recall()));
            changes.add(higher("F1 of class " + c, before.f1(), now.f1()));
        }
        return changes;
    }

    /**
     * Returns the metrics that got worse than the baseline by more than the tolerance.
     *
     * @param baseline the baseline's metrics
     * @param current the current metrics
     * @param tolerance how much worse a metric may get
     * @return the regressions, in the order of {@link #compare}; empty if none
     * @throws IllegalArgumentException if the two have different numbers of classes
     */
    public static List<MetricChange> regressions(TestMetrics baseline, TestMetrics current, Tolerance tolerance) {
        return compare(baseline, current).stream().filter(change -> !tolerance.allows(change)).toList();
    }

    private static MetricChange higher(String metric, double baseline, double current) {
        return new MetricChange(metric, Direction.HIGHER_IS_BETTER, baseline, current);
    }
}

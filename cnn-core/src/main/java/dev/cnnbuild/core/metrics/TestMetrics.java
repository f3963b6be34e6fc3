package dev.cnnbuild.core.metrics;

import dev.cnnbuild.core.evaluation.Evaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * The final evaluation on the test set, as stored in {@code metrics.json}.
 *
 * <pre>{@code
 * TestMetrics test = TestMetrics.of(evaluation);
 * test.accuracy();
 * }</pre>
 *
 * @param accuracy share of test images predicted right
 * @param loss mean cross-entropy
 * @param correct images predicted right
 * @param count images evaluated
 * @param macroPrecision unweighted mean precision over classes
 * @param macroRecall unweighted mean recall over classes
 * @param macroF1 unweighted mean F1 over classes
 * @param perClass one entry per class
 * @param confusionMatrix row: true class, column: predicted class
 */
public record TestMetrics(
        double accuracy,
        double loss,
        long correct,
        long count,
        double macroPrecision,
        double macroRecall,
        double macroF1,
        List<ClassMetrics> perClass,
        long[][] confusionMatrix) {

    /** Summarises an evaluation. */
    public static TestMetrics of(Evaluation evaluation) {
        List<ClassMetrics> perClass = new ArrayList<>();
        for (int c = 0; c < evaluation.classes(); c++) {
            perClass.add(new ClassMetrics(
                    c, evaluation.support(c), evaluation.precision(c), evaluation.recall(c), evaluation.f1(c)));
        }
        return new TestMetrics(
                evaluation.accuracy(),
                evaluation.loss(),
                evaluation.correct(),
                evaluation.count(),
                evaluation.macroPrecision(),
                evaluation.macroRecall(),
                evaluation.macroF1(),
                perClass,
                evaluation.confusion());
    }
}

package dev.cnnbuild.test.error;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.metrics.FigureText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The weakest classes and most frequent confusions that explain a low score, for failure messages; classes are
 * called by the model's class names (the label numbers only where its data name no class, as {@code cnn:check}
 * does), and the numbers are written by the core's one formatter, {@link FigureText}.
 *
 * <pre>{@code
 * EvaluationText.lowest(evaluation, names, evaluation::recall); // "cat (0.9420), dog (0.9511)"
 * EvaluationText.confusions(evaluation, names);                 // "cat->dog (23), fox->dog (18)"
 * }</pre>
 */
final class EvaluationText {
    private static final int LISTED = 3;

    private EvaluationText() {}
    /** Returns the classes lowest by {@code metric}, lowest first: {@code "cat (0.9420), dog (0.9511)"}. */
    static String lowest(Evaluation evaluation, ClassNames names, IntToDoubleFunction metric) {
        return IntStream.range(0, evaluation.classes())
                .boxed()
                .sorted(Comparator.comparingDouble(metric::applyAsDouble))
                .limit(LISTED)
                .map(c -> names.name(c) + " (" + FigureText.value(metric.applyAsDouble(c)) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Returns the most frequent confusions, most first: {@code "cat->dog (23), fox->dog (18)"}, or {@code "none"}. */
    static String confusions(Evaluation evaluation, ClassNames names) {
        return mostFrequent(evaluation, -1, names);
    }

    /** Returns what class {@code actual} is mistaken for most: {@code "dog (23), fox (4)"}, or {@code "none"}. */
    static String mistakenFor(Evaluation evaluation, int actual, ClassNames names) {
        return mostFrequent(evaluation, actual, names);
    }

    /** Returns the most probable classes, most first: {@code "dog: 0.9094, cat: 0.0906"}. */
    static String probabilities(Prediction prediction, ClassNames names) {
        return IntStream.range(0, prediction.probabilities().length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -prediction.probability(c)))
                .limit(LISTED)
                .map(c -> names.name(c) + ": " + FigureText.value(prediction.probability(c)))
                .collect(Collectors.joining(", "));
    }

    private static String mostFrequent(Evaluation evaluation, int onlyActual, ClassNames names) {
        long[][] confusion = evaluation.confusion();
        List<int[]> cells = new ArrayList<>();
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                if (t != p && confusion[t][p] > 0 && (onlyActual < 0 || onlyActual == t)) {
                    cells.add(new int[] {t, p});
                }
            }
        }
        if (cells.isEmpty()) {
            return "none";
        }
        return cells.stream()
                .sorted(Comparator.comparingLong((int[] cell) -> -confusion[cell[0]][cell[1]]))
                .limit(LISTED)
                .map(cell -> (onlyActual < 0 ? names.name(cell[0]) + "->" : "") + names.name(cell[1]) + " ("
                        + FigureText.count(confusion[cell[0]][cell[1]]) + ")")
                .collect(Collectors.joining(", "));
    }
}

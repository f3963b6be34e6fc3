package dev.cnnbuild.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {
    // rows: true class, columns: predicted class
    private final Evaluation evaluation = new Evaluation(
            new long[][] {
                {8, 2, 0},
                {1, 6, 3},
                {0, 0, 0},
            },
            4.0);

    @Test
    void countsAndAccuracy() {
        assertThat(evaluation.count()).isEqualTo(20);
        assertThat(evaluation.correct()).isEqualTo(14);
        assertThat(evaluation.accuracy()).isEqualTo(0.7);
        assertThat(evaluation.loss()).isEqualTo(0.2);
    }

    @Test
    void perClassFigures() {
        assertThat(evaluation.recall(0)).isEqualTo(0.8);
        assertThat(evaluation.recall(1)).isEqualTo(0.6);
        assertThat(evaluation.precision(0)).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(evaluation.precision(1)).isEqualTo(0.75);
        assertThat(evaluation.f1(1)).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-12));
        assertThat(evaluation.confusionRate(1, 2)).isEqualTo(0.3);
    }

    @Test
    void absentClassScoresZeroAsScikitLearnDoes() {
        assertThat(evaluation.recall(2)).isZero();
        assertThat(evaluation.precision(2)).isZero();
        assertThat(evaluation.f1(2)).isZero();
        assertThat(evaluation.macroRecall()).isCloseTo((0.8 + 0.6) / 3, within(1e-12));
    }
}

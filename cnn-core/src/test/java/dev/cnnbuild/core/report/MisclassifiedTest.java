package dev.cnnbuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Prediction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MisclassifiedTest {

    @Test
    void mostConfidentMistakesComeFirstUpToTheLimit() {
        LabeledImages data = new LabeledImages(SampleReport.images(6), new int[] {0, 1, 2, 0, 1, 2});
        List<Prediction> predictions = List.of(
                prediction(0, 0.9f),
                prediction(2, 0.6f),
                prediction(2, 0.8f),
                prediction(1, 0.95f),
                prediction(0, 0.6f),
                prediction(0, 0.7f));

        List<Misclassified> mistakes = Misclassified.collect(data, predictions, 3);

        assertThat(mistakes).extracting(Misclassified::imageIndex).containsExactly(3, 5, 1);
        assertThat(mistakes.get(0).trueLabel()).isZero();
        assertThat(mistakes.get(0).predictedLabel()).isOne();
        assertThat(mistakes.get(0).confidence()).isEqualTo(0.95f);
        assertThat(mistakes.get(0).images()).isSameAs(data.images());
    }

    @Test
    void predictionsMustMatchTheImages() {
        LabeledImages data = new LabeledImages(SampleReport.images(2), new int[] {0, 1});

        assertThatThrownBy(() -> Misclassified.collect(data, List.of(prediction(0, 1)), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 predictions for 2 images");
    }

    @Test
    void aRightPredictionIsNoMistake() {
        assertThatThrownBy(() -> new Misclassified(0, 1, 1, 0.5, SampleReport.images(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Misclassified(1, 1, 2, 0.5, SampleReport.images(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Returns a prediction of {@code label} among 3 classes, the rest of the probability shared by the others. */
    private static Prediction prediction(int label, float confidence) {
        float[] probabilities = new float[3];
        Arrays.fill(probabilities, (1 - confidence) / 2);
        probabilities[label] = confidence;
        return new Prediction(label, probabilities);
    }
}

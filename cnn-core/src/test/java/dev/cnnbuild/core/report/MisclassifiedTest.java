package dev.cnnbuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Prediction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        assertThat(mistakes.get(0).image().pixels())
                .isEqualTo(data.images().select(new int[] {3}).pixels());
        assertThat(mistakes).extracting(Misclassified::caption).containsExactly("#3", "#5", "#1");
    }

    @Test
    void mistakesOnImageFilesCarryTheFileName() {
        LabeledImages data = new LabeledImages(
                SampleReport.images(3), new int[] {0, 1, 2}, List.of("zero/a.png", "one/b.png", "two/c.png"));

        List<Misclassified> mistakes =
                Misclassified.collect(data, List.of(prediction(0, 0.9f), prediction(2, 0.6f), prediction(0, 0.8f)), 3);

        assertThat(mistakes).extracting(Misclassified::caption).containsExactly("two/c.png", "one/b.png");
        assertThat(mistakes.get(0).fileName()).contains("two/c.png");
    }

    @Test
    void selectingImagesKeepsTheirFileNames() {
        LabeledImages data = new LabeledImages(
                SampleReport.images(3), new int[] {0, 1, 2}, List.of("zero/a.png", "one/b.png", "two/c.png"));

        assertThat(data.select(new int[] {2, 0}).fileNames()).containsExactly("two/c.png", "zero/a.png");
        assertThat(data.first(1).fileNames()).containsExactly("zero/a.png");
        assertThat(new LabeledImages(SampleReport.images(1), new int[] {0}).fileName(0))
                .isEmpty();
        assertThatThrownBy(() -> new LabeledImages(SampleReport.images(2), new int[] {0, 1}, List.of("a.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 images but 1 file names");
    }

    @Test
    void predictionsMustMatchTheImages() {
        LabeledImages data = new LabeledImages(SampleReport.images(2), new int[] {0, 1});

        assertThatThrownBy(() -> Misclassified.collect(data, List.of(prediction(0, 1)), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 predictions for 2 images");
    }

    @Test
    void aRightPredictionOrMoreThanOneImageIsRefused() {
        assertThatThrownBy(() -> new Misclassified(0, 1, 1, 0.5, SampleReport.images(1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Misclassified(1, 1, 2, 0.5, SampleReport.images(2), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one image expected, not 2");
    }

    /** Returns a prediction of {@code label} among 3 classes, the rest of the probability shared by the others. */
    private static Prediction prediction(int label, float confidence) {
        float[] probabilities = new float[3];
        Arrays.fill(probabilities, (1 - confidence) / 2);
        probabilities[label] = confidence;
        return new Prediction(label, probabilities);
    }
}

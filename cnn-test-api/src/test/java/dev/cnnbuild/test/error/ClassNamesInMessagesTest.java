package dev.cnnbuild.test.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Prediction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every failure message that mentions a class calls it by the model's class name, as {@code cnn:check} and the report
 * do: a model of cats, dogs and foxes, 20 test images each.
 */
class ClassNamesInMessagesTest {
    private static final ClassNames PETS = ClassNames.of(List.of("cat", "dog", "fox"));
    /** Rows: true cat, dog, fox; columns: predicted cat, dog, fox. */
    private static final Evaluation EVALUATION = new Evaluation(new long[][] {{17, 3, 0}, {1, 19, 0}, {0, 6, 14}}, 30);

    @Test
    void accuracyNamesTheWeakestClassesAndTheConfusions() {
        assertThat(ShouldHaveAccuracy.shouldHaveAccuracyAbove("pets", "its test set", EVALUATION, PETS, 0.9)
                        .create())
                .isEqualTo("Expecting accuracy of model pets on its test set (50 of 60 correct) to be above 0.9 but"
                        + " was 0.8333; weakest classes: fox (0.7000), cat (0.8500), dog (0.9500); most frequent"
                        + " confusions: fox->dog (6), cat->dog (3), dog->cat (1)");
        assertThat(ShouldHaveAccuracy.shouldHaveAccuracyAtLeast("pets", "its test set", EVALUATION, PETS, 0.9)
                        .create())
                .contains("weakest classes: fox (0.7000), cat (0.8500), dog (0.9500)")
                .contains("most frequent confusions: fox->dog (6)");
    }

    @Test
    void perClassMessagesNameTheClass() {
        assertThat(ShouldHaveClassAccuracyAbove.shouldHaveClassAccuracyAbove(
                                "pets", "its test set", EVALUATION, PETS, 2, 0.9)
                        .create())
                .isEqualTo("Expecting accuracy (recall) of model pets on class fox of its test set (14 of 20 correct)"
                        + " to be above 0.9 but was 0.7000; its images were mistaken most for: dog (6)");
        assertThat(ShouldHaveEveryClassAccuracyAbove.shouldHaveEveryClassAccuracyAbove(
                                "pets", "its test set", EVALUATION, PETS, 0.9)
                        .create())
                .isEqualTo("Expecting every class of model pets on its test set to have accuracy above 0.9 but 2 of 3"
                        + " classes did not: fox (0.7000, 14 of 20 correct), cat (0.8500, 17 of 20 correct)");
        assertThat(ShouldHaveClassMetricAbove.shouldHavePrecisionAbove("pets", "its test set", EVALUATION, PETS, 1, 0.9)
                        .create())
                .isEqualTo("Expecting precision of class dog of model pets on its test set to be above 0.9 but was"
                        + " 0.6786 (19 of 28 images predicted as dog were dog)");
        assertThat(ShouldHaveClassMetricAbove.shouldHaveF1Above("pets", "its test set", EVALUATION, PETS, 1, 0.9)
                        .create())
                .startsWith("Expecting F1 of class dog of model pets on its test set to be above 0.9 but was ");
        assertThat(ShouldConfuseAtMost.shouldConfuseAtMost("pets", "its test set", EVALUATION, PETS, 2, 1, 0.1)
                        .create())
                .isEqualTo("Expecting at most 0.1 of the class fox images of model pets on its test set to be"
                        + " predicted as dog but 0.3000 were (6 of 20)");
    }

    @Test
    void oneImageIsCountedInTheSingular() {
        Evaluation one = new Evaluation(new long[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}, 0.5);
        assertThat(ShouldHaveClassMetricAbove.shouldHavePrecisionAbove("pets", "one photo", one, PETS, 1, 1.5)
                        .create())
                .isEqualTo("Expecting precision of class dog of model pets on one photo to be above 1.5 but was"
                        + " 1.0000 (1 of 1 image predicted as dog was dog)");
        assertThat(ShouldHaveLossBelow.shouldHaveLossBelow("pets", "one photo", one, 0.1)
                        .create())
                .isEqualTo("Expecting mean cross-entropy loss of model pets on one photo (1 image) to be below 0.1"
                        + " but was 0.5000");
    }

    @Test
    void macroMessagesNameTheLowestClasses() {
        assertThat(ShouldHaveMacroMetricAbove.shouldHaveMacroRecallAbove("pets", "its test set", EVALUATION, PETS, 0.9)
                        .create())
                .isEqualTo("Expecting macro recall of model pets on its test set to be above 0.9 but was 0.8333;"
                        + " lowest classes: fox (0.7000), cat (0.8500), dog (0.9500)");
        assertThat(ShouldHaveMacroMetricAbove.shouldHaveMacroPrecisionAbove(
                                "pets", "its test set", EVALUATION, PETS, 0.99)
                        .create())
                .contains("lowest classes: dog (0.6786), cat (0.9444), fox (1.0000)");
        assertThat(ShouldHaveMacroMetricAbove.shouldHaveMacroF1Above("pets", "its test set", EVALUATION, PETS, 0.99)
                        .create())
                .contains("lowest classes: dog (", "fox (", "cat (");
    }

    @Test
    void predictionMessagesNameTheClasses() {
        Prediction dogMostly = new Prediction(1, new float[] {0.25f, 0.7f, 0.05f});
        assertThat(ShouldClassifyAs.shouldClassifyAs("pets", "image cat.png", PETS, 0, dogMostly)
                        .create())
                .isEqualTo("Expecting model pets to classify image cat.png as cat but it predicted dog with confidence"
                        + " 0.7000 (probabilities dog: 0.7000, cat: 0.2500, fox: 0.0500)");
        assertThat(ShouldClassifyWithConfidenceAbove.shouldClassifyWithConfidenceAbove(
                                "pets", "image dog.png", PETS, 0.9, dogMostly)
                        .create())
                .isEqualTo("Expecting model pets to classify image dog.png as dog with confidence above 0.9 but the"
                        + " confidence was 0.7000 (probabilities dog: 0.7000, cat: 0.2500, fox: 0.0500)");
    }
}

package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.test.fixtures.BandsModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CnnSoftAssertionsTest {
    static CnnModel model;

    @BeforeAll
    static void load() {
        model = BandsModel.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void collectsEveryFailure() {
        CnnSoftAssertions softly = new CnnSoftAssertions();

        softly.assertThat(model)
                .hasTestAccuracyAbove(0.9)
                .hasTestLossBelow(0.25)
                .confusesAtMost(0, 1, 0.05);
        softly.assertThat(model).as("budget").hasParameterCountBelow(100);

        // each message starts on a line of its own, as AssertJ's do; AssertJ adds a line with where it happened
        assertThat(softly.errorsCollected())
                .extracting(e -> e.getMessage().lines().skip(1).findFirst().orElseThrow())
                .containsExactly(
                        "Expecting mean cross-entropy loss of model bands on its test set (3,000 images) to be below 0.25"
                                + " but was 0.2549",
                        "Expecting at most 0.05 of the class 0 images of model bands on its test set to be predicted as 1"
                                + " but 0.0800 were (80 of 1,000)",
                        "[budget] Expecting model bands to have fewer than 100 parameters but it has 111");
    }

    @Test
    void assertSoftlyReportsThemAllAtOnce() {
        assertThatThrownBy(() -> CnnSoftAssertions.assertSoftly(softly -> {
                    softly.assertThat(model).hasTestAccuracyAbove(0.95);
                    softly.assertThat(model).everyClassHasAccuracyAbove(0.9);
                    softly.assertThat(model).hasMacroF1Above(0.9);
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("Expecting accuracy of model bands on its test set (2,840 of 3,000 correct) to"
                        + " be above 0.95 but was 0.9467")
                .hasMessageContaining("Expecting every class of model bands on its test set to have accuracy above"
                        + " 0.9 but 1 of 3 classes did not: 0 (0.9000, 900 of 1,000 correct)");
    }

    @Test
    void eachFailureStartsOnTheLineBelowItsHeader() {
        String eol = System.lineSeparator();
        assertThatThrownBy(() -> CnnSoftAssertions.assertSoftly(softly -> {
                    softly.assertThat(model).hasTestAccuracyAbove(0.95);
                    softly.assertThat(model).as("budget").hasParameterCountBelow(100);
                }))
                .hasMessageStartingWith(eol + "Multiple Failures (2 failures)" + eol + "-- failure 1 --" + eol
                        + "Expecting accuracy of model bands on its test set (2,840 of 3,000 correct) to be above 0.95"
                        + " but was 0.9467; weakest classes: 0 (0.9000), 1 (0.9500), 2 (0.9900); most frequent"
                        + " confusions: 0->1 (80), 1->2 (50), 0->2 (20)" + eol + "at CnnSoftAssertionsTest")
                .hasMessageContaining(eol + "-- failure 2 --" + eol
                        + "[budget] Expecting model bands to have fewer than 100 parameters but it has 111" + eol);
    }

    @Test
    void passesWhenAllPass() {
        CnnSoftAssertions.assertSoftly(softly -> softly.assertThat(model)
                .hasTestAccuracyAbove(0.9)
                .hasMacroF1Above(0.9)
                .everyClassHasAccuracyAbove(0.85));
    }
}

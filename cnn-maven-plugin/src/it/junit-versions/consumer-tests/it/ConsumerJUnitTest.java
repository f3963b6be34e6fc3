package it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnSoftAssertions;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import org.junit.jupiter.api.Test;

/**
 * Runs the test API's extension and soft assertions with the JUnit version this module declares, which must be the
 * one on the test class path (the test API's own JUnit does not reach consumers).
 */
@CnnTest
class ConsumerJUnitTest {

    @Test
    void runsOnTheConsumersJUnit() {
        assertThat(Test.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("expected.junit.version"));
    }

    @Test
    void extensionInjectsThePackagedModel(
            @TrainedModel(classpath = "cnn/tiny", project = "../producer") CnnModel model) {
        CnnSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(model).hasTestAccuracyAbove(0.9);
            softly.assertThat(model).everyClassHasAccuracyAbove(0.9);
        });
    }

    @Test
    void softAssertionsCollectEveryFailure(
            @TrainedModel(classpath = "cnn/tiny", project = "../producer") CnnModel model) {
        assertThatThrownBy(() -> CnnSoftAssertions.assertSoftly(softly -> {
                    softly.assertThat(model).hasTestAccuracyAbove(1.0);
                    softly.assertThat(model).hasParameterCountBelow(1);
                }))
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("-- failure 1 --")
                .hasMessageContaining("-- failure 2 --");
    }
}

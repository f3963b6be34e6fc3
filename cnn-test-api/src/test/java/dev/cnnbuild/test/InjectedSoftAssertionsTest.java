package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cnnbuild.test.fixtures.BandsModel;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** AssertJ's own extension injects the model soft assertions and checks them after each test. */
@ExtendWith(SoftAssertionsExtension.class)
class InjectedSoftAssertionsTest {
    @InjectSoftAssertions
    CnnSoftAssertions softly;

    @Test
    void injectedAndCollecting() {
        try (CnnModel model = BandsModel.load()) {
            softly.assertThat(model).hasTestAccuracyAbove(0.9).hasParameterCountBelow(200);

            assertThat(softly.errorsCollected()).isEmpty();
        }
    }

    @Test
    void injectedFailuresStartBelowTheirHeader() {
        String eol = System.lineSeparator();
        Throwable failure = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailsTwice.class))
                .execute()
                .testEvents()
                .failed()
                .list()
                .get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();

        assertThat(failure.getMessage())
                .contains("Multiple Failures (2 failures)" + eol + "-- failure 1 --" + eol
                        + "Expecting accuracy of model bands on its test set (2,840 of 3,000 correct) to be above 0.99")
                .contains("-- failure 2 --" + eol + "Expecting model bands to have fewer than 100 parameters but it"
                        + " has 111");
    }

    @ExtendWith(SoftAssertionsExtension.class)
    static class FailsTwice {
        @InjectSoftAssertions
        CnnSoftAssertions softly;

        @Test
        void test() {
            try (CnnModel model = BandsModel.load()) {
                softly.assertThat(model).hasTestAccuracyAbove(0.99).hasParameterCountBelow(100);
            }
        }
    }
}

package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.test.fixtures.BandsModel;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
}

package it;

import static dev.cnnbuild.test.CnnAssertions.assertThat;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import org.junit.jupiter.api.Test;

/** Needs the model that cnn:train makes: skipped, not failed, when the build skips the cnn goals. */
@CnnTest
class TinyModelTest {

    @Test
    void meetsTheBar(@TrainedModel("tiny") CnnModel model) {
        assertThat(model).hasTestAccuracyAbove(0.9);
    }

    @Test
    void loadedByHand() {
        try (CnnModel model = CnnModel.load("tiny")) {
            assertThat(model).hasTestAccuracyAbove(0.9);
        }
    }
}

package it;

import static dev.cnnbuild.test.CnnAssertions.assertThat;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import org.junit.jupiter.api.Test;

/** No cnn:train in this module, so no natives in its test JVM: the test fails saying what to add. */
@CnnTest
class TinyModelTest {

    @Test
    void meetsTheBar(
            @TrainedModel(value = "tiny", outputDirectory = "../consumer/target/cnn", project = "../consumer")
                    CnnModel model) {
        assertThat(model).hasTestAccuracyAbove(0.9);
    }
}

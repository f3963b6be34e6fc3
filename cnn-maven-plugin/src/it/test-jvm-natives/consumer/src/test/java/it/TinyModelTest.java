package it;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The model this module trains, tested with the natives cnn:train handed to the test JVM. */
@CnnTest
class TinyModelTest {

    @Test
    void meetsTheBar(@TrainedModel("tiny") CnnModel model) {
        assertThat(model).hasTestAccuracyAbove(0.9).everyClassHasAccuracyAbove(0.8);
    }

    @Test
    void loadsNativesWithoutAWarning() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .contains("--enable-native-access=ALL-UNNAMED");
    }
}

package it;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The same, with surefire's own class path entry and JVM option kept beside what cnn:train hands over. */
@CnnTest
class TinyModelTest {

    @Test
    void meetsTheBar(@TrainedModel("tiny") CnnModel model) {
        assertThat(model).hasTestAccuracyAbove(0.9).everyClassHasAccuracyAbove(0.8);
    }

    @Test
    void keepsTheProjectsOwnClassPathAndOptions() {
        assertThat(getClass().getResource("/it-extra.properties")).isNotNull();
        assertThat(System.getProperty("it.own.option")).isEqualTo("kept");
    }

    @Test
    void loadsNativesWithoutAWarning() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .contains("--enable-native-access=ALL-UNNAMED");
    }
}

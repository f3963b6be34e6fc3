package it;

import static dev.cnnbuild.test.CnnAssertions.assertThat;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import org.junit.jupiter.api.Test;

/**
 * Tests the model that the producer module trained and packaged in its jar, loaded from the class path, on its test
 * set, which stays in the producer module: the model directory records it relative to that project.
 */
@CnnTest
class PackagedModelTest {

    @Test
    void packagedModelMeetsTheBar(@TrainedModel(classpath = "cnn/tiny", project = "../producer") CnnModel model) {
        assertThat(model).hasTestAccuracyAbove(0.9).everyClassHasAccuracyAbove(0.9);
    }
}

package it;

import static dev.cnnbuild.test.CnnAssertions.assertThat;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import org.junit.jupiter.api.Test;

/** Tests the model that the producer module trained and packaged in its jar, loaded from the class path. */
@CnnTest
class PackagedModelTest {

    @Test
    void packagedModelMeetsTheBar(@TrainedModel(classpath = "cnn/tiny") CnnModel model) {
        assertThat(model).hasAccuracyAbove(0.9).everyClassHasAccuracyAbove(0.9);
    }
}

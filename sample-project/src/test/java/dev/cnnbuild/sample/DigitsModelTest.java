package dev.cnnbuild.sample;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import org.junit.jupiter.api.Test;

/**
 * Gates the second model, trained by {@code cnn:train} from the image folder {@code data/digits/} (one subfolder
 * per class, named after the digit), on the fifth of each class that training held out: the assertions name the
 * classes as the folders do.
 */
@CnnTest
class DigitsModelTest {

    @Test
    void knowsItsClassesByTheirFolderNames(@TrainedModel("digits-cnn") CnnModel model) {
        assertThat(model.classNames().names())
                .containsExactly("eight", "five", "four", "nine", "one", "seven", "six", "three", "two", "zero");
    }

    @Test
    void reachesItsBarOnTheHeldOutImages(@TrainedModel("digits-cnn") CnnModel model) {
        assertThat(model)
                .hasTestAccuracyAbove(0.95)
                .hasClassAccuracyAbove("zero", 0.95)
                .hasClassAccuracyAbove("seven", 0.9)
                .everyClassHasAccuracyAbove(0.85)
                .confusesAtMost("one", "eight", 0.1);
    }
}

package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.spec.EarlyStoppingMetric;
import dev.cnnbuild.core.spec.EarlyStoppingSpec;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndKeepsTheBest() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec(EarlyStoppingMetric.VALIDATION_LOSS, 2, 0));

        assertThat(stopping.observe(validationLoss(1, 0.5))).isTrue();
        assertThat(stopping.observe(validationLoss(2, 0.4))).isTrue();
        assertThat(stopping.observe(validationLoss(3, 0.4))).isFalse();
        assertThat(stopping.shouldStop()).isFalse();
        assertThat(stopping.observe(validationLoss(4, 0.45))).isFalse();

        assertThat(stopping.shouldStop()).isTrue();
        assertThat(stopping.bestEpoch()).isEqualTo(2);
        assertThat(stopping.result(10))
                .isEqualTo(new EarlyStoppingResult(
                        "validationLoss", 2, 0, true, 4, 2, 0.4, "validationLoss did not improve for 2 epochs"));
    }

    @Test
    void anImprovementSmallerThanMinDeltaDoesNotCount() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec(EarlyStoppingMetric.TEST_ACCURACY, 1, 0.01));

        stopping.observe(testAccuracy(1, 0.90));
        assertThat(stopping.observe(testAccuracy(2, 0.905))).isFalse();

        assertThat(stopping.shouldStop()).isTrue();
        assertThat(stopping.result(5).reason())
                .isEqualTo("testAccuracy did not improve by more than 0.01 for 1" + " epoch");
    }

    @Test
    void higherIsBetterForAccuracies() {
        EarlyStopping stopping =
                new EarlyStopping(new EarlyStoppingSpec(EarlyStoppingMetric.VALIDATION_ACCURACY, 3, 0));

        stopping.observe(new EpochMetrics(1, 1, 0.5, 1.0, 0.5, 1, 1, 0.9, 0.80));
        stopping.observe(new EpochMetrics(2, 1, 0.5, 1.0, 0.5, 1, 1, 0.8, 0.85));

        assertThat(stopping.bestEpoch()).isEqualTo(2);
    }

    @Test
    void runningEveryEpochReportsTheBestEpoch() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec(EarlyStoppingMetric.TEST_LOSS, 5, 0));
        stopping.observe(testLoss(1, 0.3));
        stopping.observe(testLoss(2, 0.2));
        stopping.observe(testLoss(3, 0.25));

        assertThat(stopping.result(3))
                .isEqualTo(new EarlyStoppingResult(
                        "testLoss", 5, 0, false, 3, 2, 0.2, "trained all 3 epochs; testLoss was best after epoch 2"));
    }

    @Test
    void oneEpochRunIsTheOnlyEpoch() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec(EarlyStoppingMetric.TEST_LOSS, 5, 0));
        stopping.observe(testLoss(1, 0.3));

        assertThat(stopping.result(1).reason()).isEqualTo("trained the only epoch; testLoss was best after epoch 1");
    }

    @Test
    void aFirstEpochThatIsNotANumberIsStillTheBestSoFar() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec(EarlyStoppingMetric.TEST_LOSS, 1, 0));

        assertThat(stopping.observe(testLoss(1, Double.NaN))).isTrue();
        assertThat(stopping.observe(testLoss(2, Double.NaN))).isFalse();
        assertThat(stopping.bestEpoch()).isEqualTo(1);
    }

    private static EpochMetrics validationLoss(int epoch, double loss) {
        return new EpochMetrics(epoch, 1, 0.5, 1.0, 0.5, 1, 1, loss, 0.5);
    }

    private static EpochMetrics testAccuracy(int epoch, double accuracy) {
        return new EpochMetrics(epoch, 1, 0.5, 1, accuracy, 1, 1);
    }

    private static EpochMetrics testLoss(int epoch, double loss) {
        return new EpochMetrics(epoch, 1, 0.5, loss, 0.5, 1, 1);
    }
}

package dev.cnnbuild.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cnnbuild.core.spec.CosineSchedule;
import dev.cnnbuild.core.spec.MultiStepSchedule;
import dev.cnnbuild.core.spec.OneCycleSchedule;
import dev.cnnbuild.core.spec.SgdOptimizer;
import dev.cnnbuild.core.spec.StepSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each schedule's learning rate at chosen steps, against its formula and against the rates torch 1.13's schedulers
 * gave for the same settings (printed from {@code optimizer.param_groups[0]['lr']} before each step).
 */
class LearningRateScheduleTest {
    private static final SgdOptimizer OPTIMIZER = new SgdOptimizer(0.1, 0, 0);

    @Test
    void withoutAScheduleTheRateIsConstant() {
        LearningRateSchedule schedule = LearningRateSchedule.of(OPTIMIZER, null, 10, 3);

        assertThat(schedule.at(0)).isEqualTo(0.1);
        assertThat(schedule.at(29)).isEqualTo(0.1);
    }

    @Test
    void cosineWarmsUpLinearlyThenFollowsCosineAnnealing() {
        // 10 epochs of 3 steps, warm-up 1 epoch: W = 3, T = 30
        LearningRateSchedule schedule = LearningRateSchedule.of(OPTIMIZER, new CosineSchedule(1, 0.001), 10, 3);

        assertThat(schedule.at(0)).isEqualTo(0.0);
        assertThat(schedule.at(1)).isCloseTo(0.1 / 3, within(1e-15));
        assertThat(schedule.at(2)).isCloseTo(0.2 / 3, within(1e-15));
        // then CosineAnnealingLR(T_max=27, eta_min=0.001), whose rates at its steps 0, 5, 13, 26 torch printed
        assertThat(schedule.at(3)).isCloseTo(0.1, within(1e-12));
        assertThat(schedule.at(3 + 5)).isCloseTo(0.09185664666494037, within(1e-12));
        assertThat(schedule.at(3 + 13)).isCloseTo(0.05337816903106857, within(1e-12));
        assertThat(schedule.at(3 + 26)).isCloseTo(0.0013347012917738202, within(1e-12));
        double half = 0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * 10 / 27)) / 2;
        assertThat(schedule.at(13)).isCloseTo(half, within(1e-15));
    }

    @Test
    void fractionalWarmupRoundsDownToWholeSteps() {
        // 0.5 epochs of 3 steps: floor(1.5) = 1 warm-up step
        LearningRateSchedule schedule = LearningRateSchedule.of(OPTIMIZER, new CosineSchedule(0.5, 0), 10, 3);

        assertThat(schedule.at(0)).isEqualTo(0.0);
        assertThat(schedule.at(1)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void stepMultipliesByTheFactorEveryFewEpochs() {
        // StepLR(step_size=2, gamma=0.5) stepped per epoch, 4 steps per epoch
        LearningRateSchedule schedule = LearningRateSchedule.of(OPTIMIZER, new StepSchedule(2, 0.5, 0), 6, 4);

        assertThat(schedule.at(0)).isEqualTo(0.1);
        assertThat(schedule.at(7)).isEqualTo(0.1);
        assertThat(schedule.at(8)).isCloseTo(0.05, within(1e-15));
        assertThat(schedule.at(15)).isCloseTo(0.05, within(1e-15));
        assertThat(schedule.at(16)).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void stepAfterAWarmupCountsEpochsFromTheStart() {
        LearningRateSchedule schedule = LearningRateSchedule.of(OPTIMIZER, new StepSchedule(2, 0.5, 1), 6, 4);

        assertThat(schedule.at(2)).isCloseTo(0.05, within(1e-15));
        assertThat(schedule.at(4)).isEqualTo(0.1);
        assertThat(schedule.at(8)).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void multiStepMultipliesAfterEachMilestone() {
        // MultiStepLR(milestones=[2, 5], gamma=0.1) stepped per epoch, 2 steps per epoch
        LearningRateSchedule schedule =
                LearningRateSchedule.of(OPTIMIZER, new MultiStepSchedule(List.of(2, 5), 0.1, 0), 8, 2);

        assertThat(schedule.at(3)).isEqualTo(0.1);
        assertThat(schedule.at(4)).isCloseTo(0.01, within(1e-15));
        assertThat(schedule.at(9)).isCloseTo(0.01, within(1e-15));
        assertThat(schedule.at(10)).isCloseTo(0.001, within(1e-15));
        assertThat(schedule.at(15)).isCloseTo(0.001, within(1e-15));
    }

    @Test
    void oneCycleMatchesTorchsOneCycleLr() {
        // OneCycleLR(max_lr=0.1, total_steps=30, cycle_momentum=False): 10 epochs of 3 steps
        LearningRateSchedule schedule =
                LearningRateSchedule.of(OPTIMIZER, new OneCycleSchedule(0.3, 3, false, 0.85, 0.95), 10, 3);

        assertThat(schedule.at(0)).isCloseTo(0.0040000000000000036, within(1e-15));
        assertThat(schedule.at(4)).isCloseTo(0.052000000000000005, within(1e-15));
        assertThat(schedule.at(8)).isCloseTo(0.1, within(1e-15));
        assertThat(schedule.at(9)).isCloseTo(0.09944154354509119, within(1e-15));
        assertThat(schedule.at(20)).isCloseTo(0.03887419780637107, within(1e-15));
        assertThat(schedule.at(29)).isCloseTo(4e-07, within(1e-15));
    }

    @Test
    void oneCycleWithWarmupEpochsRisesForThoseEpochs() {
        // OneCycleLR(max_lr=0.1, total_steps=30, pct_start=2/10, cycle_momentum=False)
        LearningRateSchedule schedule =
                LearningRateSchedule.of(OPTIMIZER, new OneCycleSchedule(0.2, 2, false, 0.85, 0.95), 10, 3);

        assertThat(schedule.at(0)).isCloseTo(0.0040000000000000036, within(1e-15));
        assertThat(schedule.at(3)).isCloseTo(0.06683281572999747, within(1e-15));
        assertThat(schedule.at(5)).isCloseTo(0.1, within(1e-15));
        assertThat(schedule.at(29)).isCloseTo(4e-07, within(1e-15));
        assertThat(schedule.momentumAt(5)).isEmpty();
    }

    @Test
    void oneCycleCyclesTheMomentumAsTorchsOneCycleLr() {
        // torch 1.13: SGD(lr=0.1, momentum=0.9), OneCycleLR(max_lr=0.1, total_steps=30), its defaults
        // (cycle_momentum=True, base_momentum=0.85, max_momentum=0.95); param_groups[0]["momentum"] before step k
        LearningRateSchedule schedule =
                LearningRateSchedule.of(OPTIMIZER, new OneCycleSchedule(0.3, 3, true, 0.85, 0.95), 10, 3);

        assertThat(schedule.momentumAt(0)).hasValue(0.95);
        assertThat(schedule.momentumAt(3).getAsDouble()).isCloseTo(0.9191341716182544, within(1e-15));
        assertThat(schedule.momentumAt(8).getAsDouble()).isCloseTo(0.85, within(1e-15));
        assertThat(schedule.momentumAt(15).getAsDouble()).isCloseTo(0.875, within(1e-15));
        assertThat(schedule.momentumAt(27).getAsDouble()).isCloseTo(0.947778640289307, within(1e-15));
        assertThat(schedule.momentumAt(29).getAsDouble()).isCloseTo(0.95, within(1e-15));
        assertThat(schedule.at(3)).isCloseTo(0.03363119524647569, within(1e-15));
    }

    @Test
    void oneCycleCyclesBeta1BetweenTheGivenMomentums() {
        // torch 1.13: AdamW(lr=0.1), OneCycleLR(max_lr=0.1, total_steps=30, pct_start=0.2, base_momentum=0.8,
        // max_momentum=0.9); param_groups[0]["betas"][0] before step k
        LearningRateSchedule schedule =
                LearningRateSchedule.of(OPTIMIZER, new OneCycleSchedule(0.2, 2, true, 0.8, 0.9), 10, 3);

        assertThat(schedule.momentumAt(0).getAsDouble()).isCloseTo(0.9, within(1e-15));
        assertThat(schedule.momentumAt(2).getAsDouble()).isCloseTo(0.8654508497187474, within(1e-15));
        assertThat(schedule.momentumAt(5).getAsDouble()).isCloseTo(0.8, within(1e-15));
        assertThat(schedule.momentumAt(17).getAsDouble()).isCloseTo(0.8500000000000001, within(1e-15));
        assertThat(schedule.momentumAt(28).getAsDouble()).isCloseTo(0.8995722430686905, within(1e-15));
    }

    @Test
    void onlyOneCycleSetsAMomentum() {
        assertThat(LearningRateSchedule.of(OPTIMIZER, new CosineSchedule(1, 0), 10, 3)
                        .momentumAt(4))
                .isEmpty();
        assertThat(LearningRateSchedule.constant(0.1).momentumAt(4)).isEmpty();
    }
}

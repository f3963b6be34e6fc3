package dev.cnnbuild.core.spec;

import java.util.List;

/**
 * The learning rate multiplied by {@code factor} after each of the {@code milestones} epochs, as PyTorch's
 * {@code MultiStepLR} stepped once per epoch.
 *
 * <pre>{@code
 * schedule: {multiStep: {milestones: [30, 40], factor: 0.1}}   # new MultiStepSchedule(List.of(30, 40), 0.1, 0)
 * }</pre>
 *
 * @param milestones the epochs after which the rate changes, ascending, each before the last epoch
 * @param factor the multiplier, 0.1 unless given
 * @param warmupEpochs the linear warm-up, in epochs, 0 unless given
 */
public record MultiStepSchedule(List<Integer> milestones, double factor, double warmupEpochs) implements ScheduleSpec {

    /** The schedule's name in the model file. */
    public static final String TYPE = "multiStep";

    /** Copies the milestones. */
    public MultiStepSchedule {
        milestones = List.copyOf(milestones);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

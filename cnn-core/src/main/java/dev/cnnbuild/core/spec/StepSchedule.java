package dev.cnnbuild.core.spec;

/**
 * The learning rate multiplied by {@code factor} after every {@code every} epochs, as PyTorch's {@code StepLR}
 * stepped once per epoch.
 *
 * <pre>{@code
 * schedule: {step: {every: 10, factor: 0.5}}   # new StepSchedule(10, 0.5, 0)
 * }</pre>
 *
 * @param every the epochs between two changes, fewer than the training's epochs
 * @param factor the multiplier, 0.1 unless given
 * @param warmupEpochs the linear warm-up, in epochs, 0 unless given
 */
public record StepSchedule(int every, double factor, double warmupEpochs) implements ScheduleSpec {

    /** The schedule's name in the model file. */
    public static final String TYPE = "step";

    @Override
    public String type() {
        return TYPE;
    }
}

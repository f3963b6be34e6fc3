package dev.cnnbuild.core.spec;

/**
 * Cosine annealing, as PyTorch's {@code CosineAnnealingLR} over the steps after the warm-up: from the optimizer's
 * {@code learningRate} down to {@code minLearningRate} at the end of the last epoch.
 *
 * <pre>{@code
 * schedule: {cosine: {warmupEpochs: 0.5}}   # new CosineSchedule(0.5, 0)
 * }</pre>
 *
 * @param warmupEpochs the linear warm-up, in epochs, 0 unless given
 * @param minLearningRate the rate the cosine ends at, 0 unless given; below the optimizer's {@code learningRate}
 */
public record CosineSchedule(double warmupEpochs, double minLearningRate) implements ScheduleSpec {

    /** The schedule's name in the model file. */
    public static final String TYPE = "cosine";

    @Override
    public String type() {
        return TYPE;
    }
}

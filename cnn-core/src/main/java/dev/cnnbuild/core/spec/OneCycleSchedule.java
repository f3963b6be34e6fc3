package dev.cnnbuild.core.spec;

/**
 * The one-cycle policy, as PyTorch's {@code OneCycleLR} with its defaults ({@code div_factor=25},
 * {@code final_div_factor=1e4}, cosine annealing, two phases) and {@code cycle_momentum=False}: the rate rises from
 * {@code learningRate / 25} to the optimizer's {@code learningRate}, then falls to {@code learningRate / 25e4} at the
 * end of the last epoch. The rise takes {@code warmupShare} of all steps ({@code pct_start}).
 *
 * <pre>{@code
 * schedule: oneCycle                          # new OneCycleSchedule(0.3, 3) for 10 epochs
 * schedule: {oneCycle: {warmupEpochs: 2}}     # new OneCycleSchedule(0.2, 2) for 10 epochs
 * }</pre>
 *
 * @param warmupShare the share of all steps the rise takes, PyTorch's {@code pct_start}: 0.3 unless
 *     {@code warmupEpochs} is given, then {@code warmupEpochs / epochs}
 * @param warmupEpochs the rise in epochs, {@code warmupShare * epochs}
 */
public record OneCycleSchedule(double warmupShare, double warmupEpochs) implements ScheduleSpec {

    /** The schedule's name in the model file. */
    public static final String TYPE = "oneCycle";

    /** PyTorch's default {@code pct_start}. */
    public static final double DEFAULT_WARMUP_SHARE = 0.3;

    @Override
    public String type() {
        return TYPE;
    }
}

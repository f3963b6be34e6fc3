package dev.cnnbuild.core.spec;

/**
 * The one-cycle policy, as PyTorch's {@code OneCycleLR} with its defaults ({@code div_factor=25},
 * {@code final_div_factor=1e4}, cosine annealing, two phases): the rate rises from {@code learningRate / 25} to the
 * optimizer's {@code learningRate}, then falls to {@code learningRate / 25e4} at the end of the last epoch. The rise
 * takes {@code warmupShare} of all steps ({@code pct_start}). With {@code cycleMomentum}, as PyTorch's default, the
 * momentum (SGD's {@code momentum}, Adam's and AdamW's {@code beta1}) moves the other way: from
 * {@code maxMomentum} down to {@code baseMomentum} while the rate rises, back up to {@code maxMomentum} while it
 * falls, in place of the optimizer's own.
 *
 * <pre>{@code
 * schedule: oneCycle                          # new OneCycleSchedule(0.3, 3, true, 0.85, 0.95) for 10 epochs
 * schedule: {oneCycle: {warmupEpochs: 2, baseMomentum: 0.8}}   # new OneCycleSchedule(0.2, 2, true, 0.8, 0.95)
 * schedule: {oneCycle: {cycleMomentum: false}}                 # new OneCycleSchedule(0.3, 3, false, 0.85, 0.95)
 * }</pre>
 *
 * @param warmupShare the share of all steps the rise takes, PyTorch's {@code pct_start}: 0.3 unless
 *     {@code warmupEpochs} is given, then {@code warmupEpochs / epochs}
 * @param warmupEpochs the rise in epochs, {@code warmupShare * epochs}
 * @param cycleMomentum whether the momentum cycles, PyTorch's {@code cycle_momentum}: true unless given, except
 *     for SGD without momentum
 * @param baseMomentum the momentum at the peak of the rate, PyTorch's {@code base_momentum}, 0.85 unless given
 * @param maxMomentum the momentum at the start and the end, PyTorch's {@code max_momentum}, 0.95 unless given
 */
public record OneCycleSchedule(
        double warmupShare, double warmupEpochs, boolean cycleMomentum, double baseMomentum, double maxMomentum)
        implements ScheduleSpec {

    /** The schedule's name in the model file. */
    public static final String TYPE = "oneCycle";

    /** PyTorch's default {@code pct_start}. */
    public static final double DEFAULT_WARMUP_SHARE = 0.3;

    /** PyTorch's default {@code base_momentum}. */
    public static final double DEFAULT_BASE_MOMENTUM = 0.85;

    /** PyTorch's default {@code max_momentum}. */
    public static final double DEFAULT_MAX_MOMENTUM = 0.95;

    @Override
    public String type() {
        return TYPE;
    }
}

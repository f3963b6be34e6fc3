package dev.cnnbuild.core.optimizer;

import dev.cnnbuild.core.spec.CosineSchedule;
import dev.cnnbuild.core.spec.MultiStepSchedule;
import dev.cnnbuild.core.spec.OneCycleSchedule;
import dev.cnnbuild.core.spec.OptimizerSpec;
import dev.cnnbuild.core.spec.ScheduleSpec;
import dev.cnnbuild.core.spec.StepSchedule;
import java.util.OptionalDouble;

/**
 * The learning rate of every optimizer step, a pure function of the step's number, so that a resumed run continues
 * the schedule exactly where it stopped. Step {@code k} counts from 0 over the whole training; with {@code B} steps
 * (batches) per epoch, {@code T = epochs * B} steps in all and {@code W = floor(warmupEpochs * B)} warm-up steps,
 * the rate of step {@code k} is, as a PyTorch {@code LambdaLR} stepped after every batch would give it:
 * <ul>
 *   <li>during a warm-up ({@code k < W}, not {@code oneCycle}): {@code lr * k / W};</li>
 *   <li>{@code cosine}: {@code min + (lr - min) * (1 + cos(pi * (k - W) / (T - W))) / 2};</li>
 *   <li>{@code step}: {@code lr * factor ^ floor(floor(k / B) / every)};</li>
 *   <li>{@code multiStep}: {@code lr * factor ^ (milestones m with m <= floor(k / B))};</li>
 *   <li>{@code oneCycle}: {@code OneCycleLR(max_lr=lr, total_steps=T, pct_start=warmupShare)}'s rate of step
 *       {@code k};</li>
 *   <li>no schedule: {@code lr}.</li>
 * </ul>
 * A {@code oneCycle} with {@code cycleMomentum} also gives every step its momentum ({@link #momentumAt}), which
 * takes the place of SGD's {@code momentum} and of Adam's and AdamW's {@code beta1}: {@code OneCycleLR}'s
 * {@code base_momentum} and {@code max_momentum} annealed by the same cosine as the rate, the other way round.
 *
 * <pre>{@code
 * LearningRateSchedule schedule = LearningRateSchedule.of(optimizer, new CosineSchedule(1, 0), 10, 468);
 * schedule.at(0);      // 0: the warm-up starts from nothing
 * schedule.at(468);    // the optimizer's learningRate: the warm-up is over
 * }</pre>
 */
public final class LearningRateSchedule {
    private static final double ONE_CYCLE_DIVISOR = 25;
    private static final double ONE_CYCLE_FINAL_DIVISOR = 1e4;

    private final double learningRate;
    private final ScheduleSpec spec;
    private final int stepsPerEpoch;
    private final long totalSteps;
    private final long warmupSteps;

    private LearningRateSchedule(double learningRate, ScheduleSpec spec, int epochs, int stepsPerEpoch) {
        this.learningRate = learningRate;
        this.spec = spec;
        this.stepsPerEpoch = stepsPerEpoch;
        this.totalSteps = (long) epochs * stepsPerEpoch;
        this.warmupSteps = spec == null ? 0 : (long) Math.floor(spec.warmupEpochs() * stepsPerEpoch);
    }

    /**
     * The schedule of a training run.
     *
     * @param optimizer the optimizer, whose {@code learningRate} the schedule scales
     * @param schedule the schedule; {@code null} for a constant rate
     * @param epochs the training's epochs
     * @param stepsPerEpoch the optimizer steps (batches) per epoch
     * @return the schedule
     */
    public static LearningRateSchedule of(
            OptimizerSpec optimizer, ScheduleSpec schedule, int epochs, int stepsPerEpoch) {
        return new LearningRateSchedule(optimizer.learningRate(), schedule, epochs, stepsPerEpoch);
    }

    /**
     * A constant rate.
     *
     * @param learningRate the rate of every step
     * @return the schedule
     */
    public static LearningRateSchedule constant(double learningRate) {
        return new LearningRateSchedule(learningRate, null, 1, 1);
    }

    /**
     * Returns the learning rate of a step.
     *
     * @param step the optimizer step, from 0 over the whole training
     * @return its learning rate
     */
    public double at(long step) {
        if (spec == null) {
            return learningRate;
        }
        if (spec instanceof OneCycleSchedule oneCycle) {
            return oneCycle(oneCycle, step);
        }
        if (step < warmupSteps) {
            return learningRate * step / warmupSteps;
        }
        long epoch = step / stepsPerEpoch;
        if (spec instanceof CosineSchedule cosine) {
            double minimum = cosine.minLearningRate();
            double share = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
            return minimum + (learningRate - minimum) * (1 + Math.cos(Math.PI * share)) / 2;
        }
        if (spec instanceof StepSchedule stepped) {
            return learningRate * Math.pow(stepped.factor(), epoch / stepped.every());
        }
        MultiStepSchedule multi = (MultiStepSchedule) spec;
        long passed = multi.milestones().stream().filter(m -> m <= epoch).count();
        return learningRate * Math.pow(multi.factor(), passed);
    }

    /**
     * Returns the momentum of a step, where the schedule sets it: a {@code oneCycle} with {@code cycleMomentum}.
     *
     * <pre>{@code
     * LearningRateSchedule.of(adamw, new OneCycleSchedule(0.3, 3, true, 0.85, 0.95), 10, 3).momentumAt(0); // 0.95
     * }</pre>
     *
     * @param step the optimizer step, from 0 over the whole training
     * @return its momentum (SGD's {@code momentum}, Adam's and AdamW's {@code beta1}), or empty where the optimizer
     *     keeps its own
     */
    public OptionalDouble momentumAt(long step) {
        if (spec instanceof OneCycleSchedule oneCycle && oneCycle.cycleMomentum()) {
            double riseEnd = riseEnd(oneCycle);
            return OptionalDouble.of(
                    step <= riseEnd
                            ? cosineAnneal(oneCycle.maxMomentum(), oneCycle.baseMomentum(), riseShare(riseEnd, step))
                            : cosineAnneal(oneCycle.baseMomentum(), oneCycle.maxMomentum(), fallShare(riseEnd, step)));
        }
        return OptionalDouble.empty();
    }

    /** PyTorch 1.13's {@code OneCycleLR.get_lr} with two phases and cosine annealing. */
    private double oneCycle(OneCycleSchedule oneCycle, long step) {
        double initial = learningRate / ONE_CYCLE_DIVISOR;
        double minimum = initial / ONE_CYCLE_FINAL_DIVISOR;
        double riseEnd = riseEnd(oneCycle);
        if (step <= riseEnd) {
            return cosineAnneal(initial, learningRate, riseShare(riseEnd, step));
        }
        return cosineAnneal(learningRate, minimum, fallShare(riseEnd, step));
    }

    /** The last step of the rise, PyTorch's {@code pct_start * total_steps - 1}. */
    private double riseEnd(OneCycleSchedule oneCycle) {
        return oneCycle.warmupShare() * totalSteps - 1;
    }

    private static double riseShare(double riseEnd, long step) {
        return riseEnd > 0 ? step / riseEnd : 1;
    }

    private double fallShare(double riseEnd, long step) {
        return (step - riseEnd) / (totalSteps - 1 - riseEnd);
    }

    private static double cosineAnneal(double start, double end, double share) {
        return end + (start - end) / 2.0 * (Math.cos(Math.PI * share) + 1);
    }
}

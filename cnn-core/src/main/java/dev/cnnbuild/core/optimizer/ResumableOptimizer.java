package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.cnnbuild.core.spec.AdamOptimizer;
import dev.cnnbuild.core.spec.AdamWOptimizer;
import dev.cnnbuild.core.spec.OptimizerSpec;
import dev.cnnbuild.core.spec.SgdOptimizer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An optimizer whose state can be exported with a checkpoint and imported into a fresh instance: one array per
 * trainable parameter and state slot (Adam's and AdamW's {@code mean} and {@code variance}, SGD's
 * {@code momentum}), plus the number of steps already taken, which a resumed run passes to {@link #of}. The
 * learning rate of each step comes from its {@link LearningRateSchedule}, by the step's number.
 *
 * <pre>{@code
 * ResumableOptimizer resumed = ResumableOptimizer.of(spec.training().optimizer(), 468, schedule);
 * resumed.importState(NDList.decode(manager, stateBytes), network.getParameters());
 * }</pre>
 */
public abstract class ResumableOptimizer extends Optimizer {
    private final List<String> slots;
    private final LearningRateSchedule schedule;
    private final Map<String, Map<String, NDArray>> state = new ConcurrentHashMap<>();
    private final Map<String, NDArray> firstDeviceWeights = new ConcurrentHashMap<>();

    /**
     * Creates the optimizer.
     *
     * @param weightDecay the L2 penalty
     * @param stepsDone the steps taken before, by the run being resumed; 0 for a fresh run
     * @param slots the names of the per-parameter state arrays
     * @param schedule the learning rate of every step
     */
    ResumableOptimizer(float weightDecay, int stepsDone, List<String> slots, LearningRateSchedule schedule) {
        super(new Settings().optWeightDecays(weightDecay).optBeginNumUpdate(stepsDone));
        this.slots = List.copyOf(slots);
        this.schedule = schedule;
        for (String slot : slots) {
            state.put(slot, new ConcurrentHashMap<>());
        }
    }

    /**
     * Creates the optimizer a model file asks for, at a constant learning rate.
     *
     * @param spec Adam, AdamW or SGD with their settings
     * @param stepsDone the steps taken before, by the run being resumed; 0 for a fresh run
     * @return the optimizer
     */
    public static ResumableOptimizer of(OptimizerSpec spec, int stepsDone) {
        return of(spec, stepsDone, LearningRateSchedule.constant(spec.learningRate()));
    }

    /**
     * Creates the optimizer a model file asks for, its learning rate following a schedule.
     *
     * <pre>{@code
     * ResumableOptimizer.of(settings.optimizer(), 0,
     *         LearningRateSchedule.of(settings.optimizer(), settings.schedule(), settings.epochs(), batches));
     * }</pre>
     *
     * @param spec Adam, AdamW or SGD with their settings
     * @param stepsDone the steps taken before, by the run being resumed; 0 for a fresh run
     * @param schedule the learning rate of every step
     * @return the optimizer
     */
    public static ResumableOptimizer of(OptimizerSpec spec, int stepsDone, LearningRateSchedule schedule) {
        if (spec instanceof AdamOptimizer adam) {
            return new ResumableAdam(adam, stepsDone, schedule);
        }
        if (spec instanceof AdamWOptimizer adamw) {
            return new ResumableAdamW(adamw, stepsDone, schedule);
        }
        return new ResumableSgd((SgdOptimizer) spec, stepsDone, schedule);
    }

    /** Returns the schedule that gives every step its learning rate. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * Returns the state as arrays named {@code <slot>/<parameter name>}, such as {@code mean/01Conv2d_weight}.
     *
     * @param parameters the network's parameters, in the network's order
     * @return the state of every parameter updated so far; the arrays are the live ones, not copies
     */
    public NDList exportState(ParameterList parameters) {
        NDList exported = new NDList();
        for (String slot : slots) {
            for (Pair<String, Parameter> parameter : parameters) {
                NDArray array = state.get(slot).get(parameter.getValue().getId());
                if (array != null) {
                    array.setName(slot + "/" + parameter.getKey());
                    exported.add(array);
                }
            }
        }
        return exported;
    }

    /**
     * Takes over state exported from an optimizer of the same kind for the same network.
     *
     * @param saved what {@link #exportState} returned, possibly decoded from a file
     * @param parameters the network's parameters
     * @throws IOException if an array of {@code saved} belongs to no parameter of the network
     */
    public void importState(NDList saved, ParameterList parameters) throws IOException {
        int taken = 0;
        for (String slot : slots) {
            for (Pair<String, Parameter> parameter : parameters) {
                NDArray array = saved.get(slot + "/" + parameter.getKey());
                if (array != null) {
                    state.get(slot).put(parameter.getValue().getId(), array);
                    taken++;
                }
            }
        }
        if (taken != saved.size()) {
            throw new IOException("the optimizer state has " + saved.size() + " arrays, but only " + taken
                    + " belong to this network's parameters and this optimizer");
        }
    }

    /**
     * Updates a weight. On several devices, DJL's parameter server sums the gradients on the first device and calls
     * this once per device, first device first: the first device's weight takes the step, and the other devices'
     * copies take its values, so that the optimizer's state and step count exist once, as on one device, and a
     * checkpoint holds them whole.
     */
    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray first = firstDeviceWeights.putIfAbsent(parameterId, weight);
        if (first != null && !first.getDevice().equals(weight.getDevice())) {
            try (NDArray copy = first.toDevice(weight.getDevice(), true)) {
                assign(weight, copy);
            }
            return;
        }
        step(parameterId, weight, grad);
    }

    /**
     * Takes one optimizer step on a weight, in place.
     *
     * @param parameterId the parameter's id, which keys its state
     * @param weight the weight, updated in place
     * @param grad its gradient
     */
    abstract void step(String parameterId, NDArray weight, NDArray grad);

    /**
     * Counts a step of a parameter and returns the step's learning rate and momentum; call it once per step.
     *
     * @param parameterId the parameter
     * @return the step's number from 1 over the whole training, its learning rate and the momentum the schedule
     *     gives it
     */
    Step nextStep(String parameterId) {
        int step = updateCount(parameterId);
        return new Step(step, schedule.at(step - 1L), schedule.momentumAt(step - 1L));
    }

    /**
     * One step of one parameter.
     *
     * @param number the step, from 1 over the whole training
     * @param learningRate its learning rate
     * @param scheduledMomentum its momentum where the schedule cycles it, empty otherwise
     */
    record Step(int number, double learningRate, OptionalDouble scheduledMomentum) {

        /** The learning rate as the engine's kernels take it. */
        float rate() {
            return (float) learningRate;
        }

        /**
         * The step's momentum (SGD's {@code momentum}, Adam's and AdamW's {@code beta1}).
         *
         * @param own the optimizer's own, used where the schedule does not cycle it
         * @return the schedule's momentum, or {@code own}
         */
        double momentum(double own) {
            return scheduledMomentum.orElse(own);
        }
    }

    /**
     * Runs a step made of array operations rather than one of the engine's update kernels, as the kernels do: with
     * autograd off, so that a weight may change in place, then sets the weight's gradient to zero.
     *
     * @param weight the weight the step updates
     * @param update the operations, on arrays it closes itself
     */
    static void inPlace(NDArray weight, Runnable update) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            update.run();
        } finally {
            JniUtils.setGradMode(recording);
        }
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** Overwrites {@code target} in place with the values of {@code source}, an array of the same shape. */
    static void assign(NDArray target, NDArray source) {
        target.set(new NDIndex("..."), source);
    }

    /** Returns a state array of a parameter, starting as zeros shaped like its weight. */
    NDArray slot(String slot, String parameterId, NDArray weight) {
        return state.get(slot).computeIfAbsent(parameterId, id -> weight.zerosLike());
    }

    /** The settings DJL's base class takes. */
    private static final class Settings extends OptimizerBuilder<Settings> {
        @Override
        protected Settings self() {
            return this;
        }
    }
}

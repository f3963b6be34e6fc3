package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
    private final Map<String, Integer> lastSteps = new HashMap<>();
    private int stepsTaken;
    private boolean stepsBegun;
    private FlatParameters flat;

    /**
     * Creates the optimizer.
     *
     * @param weightDecay the L2 penalty
     * @param stepsDone the steps taken before, by the run being resumed; 0 for a fresh run
     * @param slots the names of the per-parameter state arrays
     * @param schedule the learning rate of every step
     */
    ResumableOptimizer(float weightDecay, int stepsDone, List<String> slots, LearningRateSchedule schedule) {
        super(new Settings().optWeightDecays(weightDecay));
        this.stepsTaken = stepsDone;
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
        if (flat != null) {
            flat.release();
            flat = null;
        }
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
     * Begins a training step: the updates until the next call take its number, learning rate and momentum. Call it
     * before {@code Trainer.step()}; {@link #stepAll} calls it itself.
     */
    public final void beginStep() {
        stepsTaken++;
        stepsBegun = true;
    }

    /**
     * Updates a weight, within the step {@link #beginStep} began. On several devices, DJL's parameter server sums the
     * gradients on the first device and calls this once per device, first device first: the first device's weight
     * takes the step, and the other devices' copies take its values, so that the optimizer's state and step count
     * exist once, as on one device, and a checkpoint holds them whole.
     *
     * @throws IllegalStateException if no step was begun, or the weight already took the step begun last
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
        Integer last = lastSteps.put(parameterId, stepsTaken);
        if (!stepsBegun || last != null && last == stepsTaken) {
            throw new IllegalStateException("parameter " + parameterId + " would take step " + stepsTaken
                    + " twice: call beginStep() before each Trainer.step()");
        }
        step(currentStep(), weight, grad, slot -> slot(slot, parameterId, weight));
    }

    /**
     * Takes one training step of every trainable parameter of a network on one device: the first call lays the
     * network's own weights and this optimizer's state end to end in one tensor each ({@link FlatParameters}), so
     * that a step costs a dozen operations instead of a dozen per parameter, with the same values bit for bit (the
     * steps are element by element). The parameters of TorchScript modules, which a module keeps where it loaded
     * them, are updated one by one. Use it instead of {@code Trainer.step()} on one device.
     *
     * <pre>{@code
     * collector.backward(loss);
     * optimizer.stepAll(network, Set.of());   // instead of optimizer.beginStep(); trainer.step();
     * }</pre>
     *
     * @param network the network, after a backward pass
     * @param inModules the ids of the parameters that TorchScript modules hold
     */
    public final void stepAll(Block network, Set<String> inModules) {
        beginStep();
        Step step = currentStep();
        List<String> ids = new ArrayList<>();
        List<NDArray> weights = new ArrayList<>();
        List<Parameter> kept = new ArrayList<>();
        for (Pair<String, Parameter> pair : network.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            if (inModules.contains(parameter.getId())) {
                kept.add(parameter);
            } else {
                ids.add(parameter.getId());
                weights.add(parameter.getArray());
            }
        }
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            if (!ids.isEmpty()) {
                stepFlat(step, ids, weights);
            }
            for (Parameter parameter : kept) {
                NDArray weight = parameter.getArray();
                try (NDArray grad = weight.getGradient()) {
                    step(step, weight, grad, slot -> slot(slot, parameter.getId(), weight));
                }
            }
            for (NDArray weight : weights) {
                JniUtils.zeroGrad((PtNDArray) weight);
            }
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    private void stepFlat(Step step, List<String> ids, List<NDArray> weights) {
        try (NDArray grad = FlatParameters.gradients(weights)) {
            if (flat == null || !flat.holds(weights)) {
                if (flat != null) {
                    flat.release();
                }
                flat = FlatParameters.of(ids, weights, slots, state);
            }
            step(step, flat.weights(), grad, flat::slot);
        }
    }

    /**
     * Takes one optimizer step on a weight, in place: one parameter's, or all of them laid end to end.
     *
     * @param step the step's number, learning rate and momentum
     * @param weight the weight, updated in place
     * @param grad its gradient
     * @param state this optimizer's state arrays of that weight, by slot
     */
    abstract void step(Step step, NDArray weight, NDArray grad, Function<String, NDArray> state);

    /**
     * Returns the step begun last: its number over the whole training (a resumed run continues the count), its
     * learning rate and its momentum. Every parameter takes the training's step number, also one that starts
     * training later (a TorchScript module unfrozen after some epochs: its moments start at zero, but its bias
     * correction is the step's, as in Keras, where PyTorch would count the parameter's own steps).
     */
    private Step currentStep() {
        return new Step(stepsTaken, schedule.at(stepsTaken - 1L), schedule.momentumAt(stepsTaken - 1L));
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
    private NDArray slot(String slot, String parameterId, NDArray weight) {
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

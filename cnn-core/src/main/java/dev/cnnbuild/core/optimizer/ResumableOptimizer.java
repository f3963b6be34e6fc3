package dev.cnnbuild.core.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.cnnbuild.core.spec.AdamOptimizer;
import dev.cnnbuild.core.spec.OptimizerSpec;
import dev.cnnbuild.core.spec.SgdOptimizer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An optimizer whose state can be exported with a checkpoint and imported into a fresh instance: one array per
 * trainable parameter and state slot (Adam's {@code mean} and {@code variance}, SGD's {@code momentum}), plus the
 * number of steps already taken, which a resumed run passes to {@link #of}.
 *
 * <pre>{@code
 * ResumableOptimizer resumed = ResumableOptimizer.of(spec.training().optimizer(), 468);
 * resumed.importState(NDList.decode(manager, stateBytes), network.getParameters());
 * }</pre>
 */
public abstract class ResumableOptimizer extends Optimizer {
    private final List<String> slots;
    private final Map<String, Map<String, NDArray>> state = new ConcurrentHashMap<>();
    private final Map<String, NDArray> firstDeviceWeights = new ConcurrentHashMap<>();

    /**
     * Creates the optimizer.
     *
     * @param weightDecay the L2 penalty
     * @param stepsDone the steps taken before, by the run being resumed; 0 for a fresh run
     * @param slots the names of the per-parameter state arrays
     */
    ResumableOptimizer(float weightDecay, int stepsDone, List<String> slots) {
        super(new Settings().optWeightDecays(weightDecay).optBeginNumUpdate(stepsDone));
        this.slots = List.copyOf(slots);
        for (String slot : slots) {
            state.put(slot, new ConcurrentHashMap<>());
        }
    }

    /**
     * Creates the optimizer a model file asks for.
     *
     * @param spec Adam or SGD with their settings
     * @param stepsDone the steps taken before, by the run being resumed; 0 for a fresh run
     * @return the optimizer
     */
    public static ResumableOptimizer of(OptimizerSpec spec, int stepsDone) {
        if (spec instanceof AdamOptimizer adam) {
            return new ResumableAdam(adam, stepsDone);
        }
        return new ResumableSgd((SgdOptimizer) spec, stepsDone);
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

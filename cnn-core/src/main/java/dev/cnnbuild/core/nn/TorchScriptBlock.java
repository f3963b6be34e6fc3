package dev.cnnbuild.core.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.cnnbuild.core.spec.TorchScriptLayer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A pretrained TorchScript module ({@link TorchScriptLayer}) as a block of the network: its parameters train with the
 * rest from the epoch the layer says, and until then they are frozen and the module runs as in inference (batch
 * norm uses its running statistics and does not update them, dropout is off), so a frozen module comes out of
 * training bit-identical.
 *
 * <p>Its parameters are saved as the whole module ({@code torch.jit.save} of it with its current weights), so a
 * model directory's {@code parameters.params} holds the trained module; loading replaces the module with the saved
 * one.
 *
 * <pre>{@code
 * TorchScriptBlock block = TorchScriptBlock.load(layer, Path.of("backbone.pt"), manager);
 * block.startEpoch(1);   // frozen in epoch 1 for trainable: {afterEpoch: 2}
 * }</pre>
 */
public final class TorchScriptBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final TorchScriptLayer layer;
    private PtSymbolBlock module;
    private boolean trains;

    private TorchScriptBlock(TorchScriptLayer layer, PtSymbolBlock module) {
        super(VERSION);
        this.layer = layer;
        this.module = module;
        freezeFor(1);
    }

    /**
     * Wraps a loaded module, frozen or not as the layer says for the first epoch.
     *
     * @param layer the layer
     * @param module the module, loaded with its parameters' gradients on
     * @return the block
     */
    public static TorchScriptBlock of(TorchScriptLayer layer, PtSymbolBlock module) {
        return new TorchScriptBlock(layer, module);
    }

    /** Returns the layer the block was built for. */
    public TorchScriptLayer layer() {
        return layer;
    }

    /** Returns the module it runs, whose parameters are the block's. */
    public PtSymbolBlock module() {
        return module;
    }

    /**
     * Freezes or unfreezes the module's parameters for an epoch.
     *
     * @param epoch the 1-based epoch about to train
     * @return whether the module trains in it
     */
    public boolean startEpoch(int epoch) {
        freezeFor(epoch);
        return trains;
    }

    /** Whether the module's parameters train now. */
    public boolean trains() {
        return trains;
    }

    private void freezeFor(int epoch) {
        trains = layer.trainsIn(epoch);
        module.freezeParameters(!trains);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList output = module.forward(parameterStore, inputs, training && trains, params);
        if (training && trains) {
            return output;
        }
        // the engine runs a module out of training in inference mode, whose tensors autograd refuses: the layers
        // after it, whose parameters record gradients, need normal tensors
        NDList copies = new NDList(output.size());
        for (NDArray array : output) {
            copies.add(array.duplicate());
            array.close();
        }
        return copies;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        List<Long> dims = new ArrayList<>();
        dims.add(inputShapes[0].get(0));
        layer.output().dims().forEach(dim -> dims.add((long) dim));
        return new Shape[] {new Shape(dims)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // the module comes with its parameters; nothing to initialise
    }

    @Override
    public ParameterList getDirectParameters() {
        return module.getDirectParameters();
    }

    @Override
    public void saveParameters(DataOutputStream os) throws IOException {
        os.writeByte(VERSION);
        module.saveParameters(os);
    }

    @Override
    public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
        byte version = is.readByte();
        if (version != VERSION) {
            throw new MalformedModelException("unsupported torchscript block version " + version);
        }
        PtSymbolBlock saved = new PtSymbolBlock((PtNDManager) manager);
        saved.loadParameters(manager, is);
        module.close();
        module = saved;
        module.freezeParameters(!trains);
    }
}

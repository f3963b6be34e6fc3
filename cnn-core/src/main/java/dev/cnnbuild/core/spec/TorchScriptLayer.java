package dev.cnnbuild.core.spec;

import java.nio.file.Path;

/**
 * A pretrained TorchScript module ({@code torch.jit.save} of a scripted or traced module) used as a layer, typically
 * the first: a backbone trained elsewhere, under a new head that this model file trains. Its output shape is declared,
 * so that shape inference stays static; training checks it against the module's real output before the first epoch.
 *
 * <pre>{@code
 * - torchscript: {file: backbones/features.pt, output: [512], trainable: false}
 * - torchscript: {file: features.pt, output: [64, 4, 4], trainable: {afterEpoch: 3}}
 * }</pre>
 *
 * @param file the module file, resolved against the model file's folder
 * @param output the shape of what one image becomes, without the batch dimension
 * @param frozenEpochs how many epochs its parameters stay frozen: 0 when trainable, {@link #ALWAYS_FROZEN} when
 *     {@code trainable: false}, {@code N} for {@code trainable: {afterEpoch: N}}
 * @param location where the layer is written
 */
public record TorchScriptLayer(Path file, TensorShape output, int frozenEpochs, SourceLocation location)
        implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "torchscript";

    /** {@link #frozenEpochs()} of a module that never trains. */
    public static final int ALWAYS_FROZEN = Integer.MAX_VALUE;

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Whether the module's parameters train in an epoch.
     *
     * @param epoch the 1-based epoch
     * @return false while frozen: for {@code trainable: {afterEpoch: 3}}, in epochs 1 to 3
     */
    public boolean trainsIn(int epoch) {
        return epoch > frozenEpochs;
    }
}

package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A pretrained TorchScript module ({@code torch.jit.save} of a scripted or traced module) used as a layer, typically
 * the first: a backbone trained elsewhere, under a new head that this model file trains. Its output shape is declared,
 * so that shape inference stays static; training checks it against the module's real output before the first epoch.
 *
 * <pre>{@code
 * - torchscript: {file: backbones/features.pt, output: [512], trainable: false}
 * - torchscript: {file: features.pt, output: [64, 4, 4], trainable: {afterEpoch: 3}}
 * - torchscript: {artifact: 'org.example:digits-backbone:1.0', output: [64], trainable: false}
 * }</pre>
 *
 * <p>Exactly one of {@code file} and {@code artifact} is written. An artifact's file is what {@code cnn:train}
 * resolved it to ({@link ModuleArtifacts}); a model read without that (by {@code cnn:check} or the test API, from a
 * model directory that carries the module) has none.
 *
 * @param file the module file: {@code file} resolved against the model file's folder, or the file the artifact was
 *     resolved to; empty for an artifact not resolved
 * @param artifact the module's Maven coordinates, where the layer names an artifact
 * @param output the shape of what one image becomes, without the batch dimension
 * @param frozenEpochs how many epochs its parameters stay frozen: 0 when trainable, {@link #ALWAYS_FROZEN} when
 *     {@code trainable: false}, {@code N} for {@code trainable: {afterEpoch: N}}
 * @param location where the layer is written
 */
public record TorchScriptLayer(
        Optional<Path> file,
        Optional<ModuleArtifact> artifact,
        TensorShape output,
        int frozenEpochs,
        SourceLocation location)
        implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "torchscript";

    /** {@link #frozenEpochs()} of a module that never trains. */
    public static final int ALWAYS_FROZEN = Integer.MAX_VALUE;

    /**
     * Checks that the layer has a file or names an artifact.
     *
     * @throws IllegalArgumentException if it has neither
     */
    public TorchScriptLayer {
        if (file.isEmpty() && artifact.isEmpty()) {
            throw new IllegalArgumentException("a torchscript layer needs a file or an artifact");
        }
    }

    /**
     * Returns this layer with its artifact's resolved file.
     *
     * @param resolved where the artifact was resolved to
     * @return the layer with that file
     */
    public TorchScriptLayer withFile(Path resolved) {
        return new TorchScriptLayer(Optional.of(resolved), artifact, output, frozenEpochs, location);
    }

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

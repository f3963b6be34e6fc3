package dev.cnnbuild.core.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One complete checkpoint on disk, {@code epoch-<n>/} in the checkpoint folder:
 * <ul>
 *   <li>{@code checkpoint.json}: {@link Checkpoint};</li>
 *   <li>{@code parameters.params}: the parameters after epoch {@code n}, in DJL's parameter format;</li>
 *   <li>{@code optimizer.ndlist}: the optimizer's state arrays, as an encoded {@code NDList};</li>
 *   <li>{@code best.params}: with early stopping, the best epoch's parameters when that is not epoch {@code n}.</li>
 * </ul>
 *
 * <pre>{@code
 * SavedCheckpoint saved = store.latest().orElseThrow();
 * StartingPoint start = saved.load(network, manager);
 * }</pre>
 *
 * @param folder the {@code epoch-<n>} folder
 * @param checkpoint its {@code checkpoint.json}
 */
record SavedCheckpoint(Path folder, Checkpoint checkpoint) {
    static final String STATE = "checkpoint.json";
    static final String PARAMETERS = "parameters.params";
    static final String OPTIMIZER = "optimizer.ndlist";
    static final String BEST = "best.params";

    /**
     * Loads the parameters into an uninitialised network and reads the rest into memory.
     *
     * @param network the network, built from the same spec, not yet initialised
     * @param manager the manager that owns the loaded arrays
     * @return where training goes on
     * @throws IOException if a file is missing or unreadable
     * @throws MalformedModelException if the parameters do not fit the network
     */
    StartingPoint load(Block network, NDManager manager) throws IOException, MalformedModelException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(folder.resolve(PARAMETERS)))) {
            network.loadParameters(manager, new DataInputStream(in));
        }
        NDList optimizerState;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(folder.resolve(OPTIMIZER)))) {
            optimizerState = NDList.decode(manager, in);
        }
        Path best = Files.exists(folder.resolve(BEST)) ? folder.resolve(BEST) : folder.resolve(PARAMETERS);
        return new StartingPoint(
                checkpoint.epoch(),
                checkpoint.optimizerSteps(),
                checkpoint.history(),
                optimizerState,
                Files.readAllBytes(best));
    }
}

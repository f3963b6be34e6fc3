package dev.cnnbuild.core.training;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.files.Folders;
import dev.cnnbuild.core.optimizer.ResumableOptimizer;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a model's checkpoints go: a hidden folder beside its model directory, {@code <output>/.<name>.checkpoint/},
 * holding the latest complete checkpoint as {@code epoch-<n>/} (see {@link SavedCheckpoint}).
 *
 * <p>A checkpoint is written whole or not at all ({@link AtomicFiles#writeFolder}): into {@code .epoch-<n>.partial/},
 * then renamed to {@code epoch-<n>/}, and only then are older ones deleted. A process killed at any moment leaves at
 * least one complete checkpoint, if one had been written, and {@link #latest()} takes the newest.
 *
 * <pre>{@code
 * CheckpointStore store = CheckpointStore.beside(Path.of("target/cnn"), "mnist-cnn");
 * store.folder();   // target/cnn/.mnist-cnn.checkpoint
 * ModelTrainer.builder().setModel(model).optCheckpoints(store, fingerprint.value()).build();
 * }</pre>
 */
public final class CheckpointStore {
    private static final Pattern EPOCH_FOLDER = Pattern.compile("epoch-([0-9]{1,9})");
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;

    private CheckpointStore(Path folder) {
        this.folder = folder;
    }

    /**
     * Returns the store of model {@code name} under an output folder such as {@code target/cnn}.
     *
     * @param outputDirectory the folder that holds model directories
     * @param name the model's name
     * @return the store; nothing is created until the first checkpoint is saved
     */
    public static CheckpointStore beside(Path outputDirectory, String name) {
        return new CheckpointStore(outputDirectory.resolve("." + name + ".checkpoint"));
    }

    /** Returns the checkpoint folder. */
    public Path folder() {
        return folder;
    }

    /** Deletes every checkpoint; does nothing if there is none. */
    public void delete() throws IOException {
        Folders.deleteRecursively(folder);
    }

    /**
     * Finds the newest complete checkpoint.
     *
     * @return it, or nothing if none was saved
     * @throws IOException if its {@code checkpoint.json} cannot be read
     */
    Optional<SavedCheckpoint> latest() throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Optional<Path> newest;
        try (Stream<Path> entries = Files.list(folder)) {
            newest = entries.filter(p -> epochOf(p) > 0).max(Comparator.comparingInt(CheckpointStore::epochOf));
        }
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint checkpoint =
                JSON.readValue(newest.get().resolve(SavedCheckpoint.STATE).toFile(), Checkpoint.class);
        return Optional.of(new SavedCheckpoint(newest.get(), checkpoint));
    }

    /**
     * Saves a checkpoint, then deletes the older ones.
     *
     * @param checkpoint what the run has done
     * @param network the network after the checkpoint's epoch
     * @param optimizer its optimizer
     * @param bestParameters with early stopping, the best epoch's parameters if that is not the checkpoint's epoch;
     *     otherwise {@code null}
     * @return the checkpoint's folder
     * @throws IOException if writing fails; the previous checkpoint is then still there
     */
    Path save(Checkpoint checkpoint, Block network, ResumableOptimizer optimizer, byte[] bestParameters)
            throws IOException {
        Path target = folder.resolve("epoch-" + checkpoint.epoch());
        AtomicFiles.writeFolder(target, staging -> {
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(staging.resolve(SavedCheckpoint.PARAMETERS)))) {
                network.saveParameters(new DataOutputStream(out));
            }
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(staging.resolve(SavedCheckpoint.OPTIMIZER)))) {
                optimizer.exportState(network.getParameters()).encode(out);
            }
            if (bestParameters != null) {
                Files.write(staging.resolve(SavedCheckpoint.BEST), bestParameters);
            }
            JSON.writeValue(staging.resolve(SavedCheckpoint.STATE).toFile(), checkpoint);
        });
        List<Path> older;
        try (Stream<Path> entries = Files.list(folder)) {
            older = entries.filter(p -> !p.equals(target)).toList();
        }
        for (Path old : older) {
            Folders.deleteRecursively(old);
        }
        return target;
    }

    private static int epochOf(Path entry) {
        Matcher matcher = EPOCH_FOLDER.matcher(entry.getFileName().toString());
        return matcher.matches() && Files.isDirectory(entry) ? Integer.parseInt(matcher.group(1)) : 0;
    }
}

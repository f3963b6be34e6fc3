package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a model's metrics as the new baseline, for {@code cnn:bless}: a {@code metrics.json} in the trainer's own
 * format, so that a committed baseline and another model directory are read alike. The file is written beside its
 * target and renamed into place, so a reader never sees half a baseline. Nothing here runs unless called.
 *
 * <pre>{@code
 * Baseline blessed = BaselineWriter.bless(ModelDirectory.of(Path.of("target/cnn/mnist-cnn")),
 *         Path.of("src/test/cnn/mnist-cnn.metrics.json"));
 * }</pre>
 */
public final class BaselineWriter {

    private BaselineWriter() {}

    /**
     * Writes the metrics of a trained model directory as the baseline.
     *
     * @param model the trained model directory
     * @param target the baseline file, or a directory to hold {@code metrics.json}; parent folders are created
     * @return the new baseline, read back from the written file
     * @throws IOException if the model's metrics cannot be read or the baseline cannot be written
     */
    public static Baseline bless(ModelDirectory model, Path target) throws IOException {
        return write(ModelMetrics.read(model.metrics()), target);
    }

    /**
     * Writes metrics as the baseline, replacing an older one.
     *
     * @param metrics the metrics, such as a model's stored ones with a fresh evaluation
     * @param target the baseline file, or a directory to hold {@code metrics.json}; parent folders are created
     * @return the new baseline, read back from the written file
     * @throws IOException if the baseline cannot be written
     */
    public static Baseline write(ModelMetrics metrics, Path target) throws IOException {
        Path file = Files.isDirectory(target) ? ModelDirectory.of(target).metrics() : target;
        AtomicFiles.writeFile(file, metrics::write);
        return Baseline.load(file);
    }
}

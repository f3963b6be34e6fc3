package dev.cnnbuild.core.model;

import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a trained model directory says besides its parameters, read after the directory passed its manifest check:
 * the spec it was trained from, its metrics (class names, device) and the normalisation its inputs get. Reading it
 * starts no engine, so a runtime that serves {@code model.onnx} through another engine reads exactly what
 * {@link LoadedModel} reads.
 *
 * <pre>{@code
 * StoredModel stored = StoredModel.read(ModelDirectory.of(Path.of("target/cnn/mnist-cnn")), Path.of(""));
 * stored.spec().input();          // 1 x 28 x 28
 * stored.metrics().classNames();  // [0, 1, ..., 9]
 * }</pre>
 *
 * @param spec the spec the model was trained from
 * @param metrics the metrics the trainer stored
 * @param normalization the per-channel normalisation it was trained with ({@value ChannelNormalization#FILE_NAME}),
 *     or {@link ChannelNormalization#NONE}
 */
public record StoredModel(ModelSpec spec, ModelMetrics metrics, ChannelNormalization normalization) {

    /**
     * Checks a model directory against its manifest and reads its metrics, spec and normalisation.
     *
     * @param directory the model directory
     * @param project the project the model's recorded paths are relative to
     * @return what it says
     * @throws ModelIntegrityException if a file is missing, fails the manifest or cannot be parsed as the trainer
     *     wrote it
     * @throws IOException if the directory is incomplete or a file cannot be read
     * @throws SpecException if the stored YAML is not valid
     */
    public static StoredModel read(ModelDirectory directory, Path project) throws IOException, SpecException {
        return read(directory, project, metrics(directory));
    }

    /** Reads the spec and normalisation of a directory whose manifest and metrics were checked and read. */
    static StoredModel read(ModelDirectory directory, Path project, ModelMetrics metrics)
            throws IOException, SpecException {
        ModelSpec spec = ModelSpecReader.parse(
                ProjectPaths.resolve(project, metrics.source()), Files.readString(directory.spec()));
        Path normalizationFile = directory.root().resolve(ChannelNormalization.FILE_NAME);
        ChannelNormalization normalization = Files.isRegularFile(normalizationFile)
                ? ChannelNormalization.read(normalizationFile)
                : ChannelNormalization.NONE;
        return new StoredModel(spec, metrics, normalization);
    }

    /** Checks a complete directory against its manifest and reads its metrics. */
    static ModelMetrics metrics(ModelDirectory directory) throws IOException {
        if (!directory.isComplete()) {
            throw new IOException(directory.root() + " is not a complete trained model directory (it needs "
                    + String.join(", ", ModelDirectory.FILES) + "); train it with 'mvn cnn:train'");
        }
        ModelManifest.verify(directory);
        try {
            return ModelMetrics.read(directory.metrics());
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new ModelIntegrityException(
                    directory.metrics(),
                    directory.metrics() + " cannot be read ("
                            + message.lines().findFirst().orElse(message)
                            + "); retrain the model with 'mvn cnn:train -Dcnn.force=true'");
        }
    }
}

package dev.cnnbuild.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cnnbuild.core.training.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The content of {@code metrics.json}: what was trained, with what, how it went epoch by epoch, and the final test
 * evaluation.
 *
 * <pre>{@code
 * ModelMetrics metrics = ModelMetrics.read(Path.of("target/cnn/mnist-cnn/metrics.json"));
 * metrics.test().accuracy();
 * }</pre>
 *
 * @param name the model's name
 * @param source the YAML file it was trained from, as given to the trainer
 * @param seed the random seed
 * @param device the device that trained, such as {@code cpu()}
 * @param versions tool, DJL and PyTorch versions
 * @param parameterCount number of trainable parameters
 * @param history one entry per epoch
 * @param test the final evaluation on the test set
 * @param trainSeconds seconds spent in training batches
 * @param totalSeconds seconds for the whole run: loading data, training, test passes, writing
 */
public record ModelMetrics(String name, String source, long seed, String device, ToolVersions versions,
        long parameterCount, List<EpochMetrics> history, TestMetrics test, double trainSeconds,
        double totalSeconds) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Reads a {@code metrics.json} file. */
    public static ModelMetrics read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ModelMetrics.class);
    }

    /** Writes this as JSON. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }
}

package dev.cnnbuild.core.service;

import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What training one model file came to: the model was up to date and left alone, or it was trained and written.
 *
 * <pre>{@code
 * TrainingResult result = service.train(request);
 * if (result.trained()) {
 *     System.out.println(result.metrics().orElseThrow().test().accuracy());
 * }
 * }</pre>
 *
 * @param modelName the model's name
 * @param reason why it was trained or skipped, such as {@code no model yet at target/cnn/mnist-cnn}
 * @param directory the model directory
 * @param metrics the metrics written, if the model was trained
 * @param keptEpoch with early stopping, the epoch whose parameters were kept when it is not the last one
 */
public record TrainingResult(
        String modelName,
        String reason,
        ModelDirectory directory,
        Optional<ModelMetrics> metrics,
        OptionalInt keptEpoch) {

    /** Returns whether the model was trained (rather than found up to date). */
    public boolean trained() {
        return metrics.isPresent();
    }
}

package dev.cnnbuild.core.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cnnbuild.core.evaluation.ClassNames;
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
 * <p>Fields that do not apply ({@code earlyStopping}, {@code resumedAfterEpoch}) are left out of the file and read
 * back as {@code null}; fields this version does not know are ignored, so older and newer files both read.
 *
 * @param name the model's name
 * @param source the YAML file it was trained from, as given to the trainer
 * @param seed the random seed
 * @param device the device that trained, such as {@code cpu()}
 * @param versions tool, DJL and PyTorch versions
 * @param parameterCount number of trainable parameters
 * @param history one entry per epoch trained
 * @param test the final evaluation on the test set, of the parameters kept
 * @param trainSeconds seconds spent in training batches, over all epochs
 * @param totalSeconds seconds for the whole run: loading data, training, test passes, writing; for a resumed run,
 *     only the part after the checkpoint
 * @param earlyStopping how early stopping ended the run and which epoch was kept; {@code null} without early
 *     stopping
 * @param resumedAfterEpoch the epoch of the checkpoint the run resumed from; {@code null} if it started at epoch 1
 * @param classNames the class names in label order (folder names, CSV labels, or {@code "0".."n-1"}); {@code null} in
 *     files written before they were recorded, which {@link #classes()} reads as the numbers
 * @param augmentation the augmentations applied to training images, as the model file writes them
 *     ({@code randomCrop: {padding: 4}}); {@code null} when none were
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelMetrics(
        String name,
        String source,
        long seed,
        String device,
        ToolVersions versions,
        long parameterCount,
        List<EpochMetrics> history,
        TestMetrics test,
        double trainSeconds,
        double totalSeconds,
        EarlyStoppingResult earlyStopping,
        Integer resumedAfterEpoch,
        List<String> classNames,
        List<String> augmentation) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Checks nothing; marks this as the constructor that reads JSON. */
    @JsonCreator
    public ModelMetrics {}

    /**
     * Metrics without class names, read as the class numbers.
     *
     * @param name the model's name
     * @param source the YAML file it was trained from
     * @param seed the random seed
     * @param device the device that trained
     * @param versions tool, DJL and PyTorch versions
     * @param parameterCount number of trainable parameters
     * @param history one entry per epoch
     * @param test the final evaluation on the test set
     * @param trainSeconds seconds spent in training batches
     * @param totalSeconds seconds for the whole run
     * @param earlyStopping how early stopping ended the run, or {@code null}
     * @param resumedAfterEpoch the epoch the run resumed after, or {@code null}
     */
    public ModelMetrics(
            String name,
            String source,
            long seed,
            String device,
            ToolVersions versions,
            long parameterCount,
            List<EpochMetrics> history,
            TestMetrics test,
            double trainSeconds,
            double totalSeconds,
            EarlyStoppingResult earlyStopping,
            Integer resumedAfterEpoch) {
        this(
                name,
                source,
                seed,
                device,
                versions,
                parameterCount,
                history,
                test,
                trainSeconds,
                totalSeconds,
                earlyStopping,
                resumedAfterEpoch,
                null,
                null);
    }

    /**
     * Returns the class names, or the class numbers when none were recorded.
     *
     * <pre>{@code
     * metrics.classes().name(3);   // "cat", or "3" for a model whose data name no class
     * }</pre>
     */
    public ClassNames classes() {
        int count = test == null
                ? (classNames == null ? 0 : classNames.size())
                : test.perClass().size();
        return ClassNames.orNumbered(classNames, count);
    }

    /**
     * Metrics of a run without early stopping that started at epoch 1.
     *
     * <pre>{@code
     * new ModelMetrics("mnist-cnn", "src/main/cnn/mnist.yaml", 42, "cpu()", versions, 123222, history, test, 480, 530);
     * }</pre>
     *
     * @param name the model's name
     * @param source the YAML file it was trained from
     * @param seed the random seed
     * @param device the device that trained
     * @param versions tool, DJL and PyTorch versions
     * @param parameterCount number of trainable parameters
     * @param history one entry per epoch
     * @param test the final evaluation on the test set
     * @param trainSeconds seconds spent in training batches
     * @param totalSeconds seconds for the whole run
     */
    public ModelMetrics(
            String name,
            String source,
            long seed,
            String device,
            ToolVersions versions,
            long parameterCount,
            List<EpochMetrics> history,
            TestMetrics test,
            double trainSeconds,
            double totalSeconds) {
        this(
                name,
                source,
                seed,
                device,
                versions,
                parameterCount,
                history,
                test,
                trainSeconds,
                totalSeconds,
                null,
                null,
                null,
                null);
    }

    /** Reads a {@code metrics.json} file. */
    public static ModelMetrics read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ModelMetrics.class);
    }

    /** Writes this as JSON. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }
}

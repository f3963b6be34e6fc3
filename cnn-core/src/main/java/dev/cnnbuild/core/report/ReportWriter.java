package dev.cnnbuild.core.report;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.rules.GateResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a model's {@code report.html} from the predictions of its test set (taken in the same pass as the test
 * figures, so the report costs no pass of its own): finds the most confident mistakes, then renders the page. The
 * file is written beside its target and renamed into place ({@link AtomicFiles}); a failed write leaves no staging
 * file behind.
 *
 * <pre>{@code
 * PredictedEvaluation tested = model.classifier().evaluateAndPredict(testSet, 1000);
 * ReportWriter.write(tested.predictions(), model.metrics(), TestMetrics.of(tested.evaluation()), testSet,
 *         gateResult, directory.root().resolve(HtmlReport.FILE_NAME));
 * }</pre>
 */
public final class ReportWriter {
    /** How many misclassified images the report shows at most. */
    public static final int MISCLASSIFIED_SHOWN = 36;

    private ReportWriter() {}

    /**
     * Renders the report.
     *
     * @param predictions the trained network's prediction of every test image, in order
     * @param metrics the model's metrics (history, versions)
     * @param test the test figures to show
     * @param testSet the test images, of which only the misclassified ones shown are read
     * @param gate the quality gate's result, or {@code null} when no gate ran
     * @return the page's HTML
     * @throws DatasetException if a misclassified image cannot be read
     */
    public static String render(
            List<Prediction> predictions, ModelMetrics metrics, TestMetrics test, ImageStore testSet, GateResult gate)
            throws DatasetException {
        return HtmlReport.render(new ReportData(
                metrics, test, Misclassified.collect(testSet, predictions, MISCLASSIFIED_SHOWN), gate, Instant.now()));
    }

    /**
     * Renders and writes the report.
     *
     * @param predictions the trained network's prediction of every test image, in order
     * @param metrics the model's metrics (history, versions)
     * @param test the test figures to show
     * @param testSet the test images, of which only the misclassified ones shown are read
     * @param gate the quality gate's result, or {@code null} when no gate ran
     * @param file where to write
     * @return the file
     * @throws IOException if writing fails
     * @throws DatasetException if a misclassified image cannot be read
     */
    public static Path write(
            List<Prediction> predictions,
            ModelMetrics metrics,
            TestMetrics test,
            ImageStore testSet,
            GateResult gate,
            Path file)
            throws IOException, DatasetException {
        return AtomicFiles.writeString(file, render(predictions, metrics, test, testSet, gate));
    }
}

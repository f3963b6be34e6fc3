package dev.cnnbuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Evaluator;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.rules.Baseline;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.MetricSource;
import dev.cnnbuild.core.rules.QualityGate;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.testing.TinyDataset;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report of a tiny really trained model in headless Chromium and checks the screenshot. Skipped, with
 * the command that installs it, where Chromium is missing, except in CI (environment variable {@code CI=true}),
 * where a missing browser fails the run; {@code -Dcnn.test.chromium=PATH} points elsewhere, and
 * {@code -Dcnn.test.screenshot=FILE} keeps the screenshot (for CI artifacts, or to look at it).
 */
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("cnn.test.chromium", "/usr/bin/chromium"));
    private static final boolean RUNS_IN_CI = "true".equalsIgnoreCase(System.getenv("CI"));
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2400;
    private static final int FLIPPED_EVERY = 16;

    @TempDir
    Path dir;

    @Test
    void screenshotOfARealReportIsTheWindowsSizeAndNotBlank() throws Exception {
        String missing = CHROMIUM + " not found, so the report is not rendered in a browser; install it with"
                + " 'apt-get install -y --no-install-recommends chromium fonts-dejavu-core' or pass"
                + " -Dcnn.test.chromium=PATH";
        if (RUNS_IN_CI) {
            assertTrue(Files.isExecutable(CHROMIUM), missing + " (CI=true: CI must render the report)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), missing);
        Path report = writeReportOfTinyModel();
        Path screenshot = dir.resolve("report.png");

        Process chromium = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + Files.createDirectory(dir.resolve("profile")),
                        "--window-size=" + WIDTH + "," + HEIGHT,
                        "--screenshot=" + screenshot,
                        report.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        boolean finished = chromium.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            chromium.destroyForcibly();
        }

        assertThat(finished).as("chromium finished within 90 s").isTrue();
        assertThat(chromium.exitValue())
                .as(Files.readString(dir.resolve("chromium.log")))
                .isZero();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(luminanceVariance(image)).as("pixel variance").isGreaterThan(100);
        String keep = System.getProperty("cnn.test.screenshot");
        if (keep != null) {
            Files.copy(screenshot, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Trains on the tiny data with a few test labels flipped, so that the grid shows confident mistakes. */
    private Path writeReportOfTinyModel() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny-report", "");
        flipSomeTestLabels();
        Path output = dir.resolve("out");
        ModelDirectory directory = TinyDataset.train(yaml, output);
        try (LoadedModel model = LoadedModel.load(directory, Device.cpu())) {
            LabeledImages test =
                    DatasetLoader.load(model.spec().data().test(), model.spec().input(), 2);
            Evaluation evaluation = Evaluator.evaluate(model.network(), model.manager(), test, 2, 64);
            List<Misclassified> mistakes =
                    Misclassified.collect(test, model.classifier().predictAll(test.images(), 64), 36);
            assertThat(mistakes).isNotEmpty();
            GateResult gate = new QualityGate(List.of(
                            Rule.builder("accuracy").minimum("0.9").build(),
                            Rule.builder("classAccuracy")
                                    .minimum("0.95")
                                    .absoluteTolerance("0.01")
                                    .build()))
                    .check("tiny-report", MetricSource.of(evaluation), Baseline.load(dir.resolve("baseline.json")));
            ReportData data =
                    new ReportData(model.metrics(), TestMetrics.of(evaluation), mistakes, gate, Instant.now());
            return HtmlReport.write(data, directory.root().resolve(HtmlReport.FILE_NAME));
        }
    }

    private void flipSomeTestLabels() throws Exception {
        byte[] labels = new byte[128];
        for (int i = 0; i < labels.length; i++) {
            boolean flipped = i % FLIPPED_EVERY == 3;
            labels[i] = (byte) ((i % 2) ^ (flipped ? 1 : 0));
        }
        TinyDataset.writeGzip(dir.resolve("test-labels.idx1.gz"), TinyDataset.labelFile(labels));
    }

    private static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                sum += luminance;
                squares += luminance * luminance;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }
}

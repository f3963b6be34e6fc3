package dev.cnnbuild.core.report;

import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.metrics.ToolVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Report inputs with known content: 3 classes, 4 epochs, 28x28 images whose pixel value is the image index. */
final class SampleReport {
    static final Instant GENERATED = Instant.parse("2025-05-01T12:34:56Z");
    static final Evaluation EVALUATION = new Evaluation(new long[][] {{50, 2, 0}, {3, 40, 7}, {0, 1, 47}}, 30.0);

    private SampleReport() {}

    static ModelMetrics metrics(String name) {
        List<EpochMetrics> history = List.of(
                new EpochMetrics(1, 0.9, 0.70, 0.6, 0.80, 10.2, 5900),
                new EpochMetrics(2, 0.5, 0.85, 0.4, 0.88, 10.0, 6000),
                new EpochMetrics(3, 0.3, 0.91, 0.35, 0.90, 9.9, 6060),
                new EpochMetrics(4, 0.2, 0.94, 0.33, 0.91, 9.8, 6120));
        return new ModelMetrics(
                name,
                "src/main/cnn/" + name + ".yaml",
                42,
                "cpu()",
                new ToolVersions("0.1.0-SNAPSHOT", "0.36.0", "2.7.1"),
                12_345,
                history,
                TestMetrics.of(EVALUATION),
                39.9,
                44.5);
    }

    static ImageSet images(int count) {
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 28 * 28; p++) {
                pixels[i * 28 * 28 + p] = (byte) (i * 40 + p % 28);
            }
        }
        return new ImageSet(count, 28, 28, pixels);
    }

    static List<Misclassified> mistakes(int count) {
        ImageSet images = images(count);
        List<Misclassified> mistakes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mistakes.add(new Misclassified(i, 1, 2, 0.9 - i * 0.1, images.select(new int[] {i}), Optional.empty()));
        }
        return mistakes;
    }

    static ReportData data(String name) {
        ModelMetrics metrics = metrics(name);
        return new ReportData(metrics, metrics.test(), mistakes(5), null, GENERATED);
    }
}

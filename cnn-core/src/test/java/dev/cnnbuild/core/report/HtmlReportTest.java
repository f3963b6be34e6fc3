package dev.cnnbuild.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.rules.Baseline;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.MetricSource;
import dev.cnnbuild.core.rules.QualityGate;
import dev.cnnbuild.core.rules.Rule;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final Pattern DATA_PNG = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @Test
    void everySectionIsThereOnceInOrder() {
        String html = HtmlReport.render(SampleReport.data("mnist-cnn"));

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html)
                .containsSubsequence(
                        "id=\"summary\"",
                        "id=\"rules\"",
                        "id=\"per-class\"",
                        "id=\"confusion-matrix\"",
                        "id=\"learning-curves\"",
                        "id=\"misclassified\"");
        for (String id :
                List.of("summary", "rules", "learning-curves", "confusion-matrix", "per-class", "misclassified")) {
            assertThat(count(html, "id=\"" + id + "\"")).as(id).isOne();
        }
    }

    @Test
    void headerNamesTheModelAndHowItWasTrained() {
        String header = section(HtmlReport.render(SampleReport.data("mnist-cnn")), "summary");

        assertThat(header)
                .contains(
                        "<h1>mnist-cnn</h1>",
                        "2025-05-01 12:34 UTC",
                        "src/main/cnn/mnist-cnn.yaml",
                        "<dt>trained on</dt><dd>cpu()</dd>",
                        "12,345",
                        "0.36.0",
                        "2.7.1",
                        "0.1.0-SNAPSHOT",
                        "39.9 s",
                        "44.5 s",
                        "<dd>42</dd>",
                        "91.33%",
                        "137 of 150 images",
                        "no rules");
    }

    @Test
    void learningCurvesHaveOnePathPerSeriesAndAPointPerEpoch() {
        String curves = section(HtmlReport.render(SampleReport.data("mnist-cnn")), "learning-curves");

        assertThat(count(curves, "<svg class=\"chart\"")).isEqualTo(2);
        assertThat(count(curves, "<path class=\"series train\"")).isEqualTo(2);
        assertThat(count(curves, "<path class=\"series test\"")).isEqualTo(2);
        assertThat(count(curves, "<circle class=\"point")).isEqualTo(16);
        assertThat(curves)
                .contains(
                        "<title>test, epoch 4: 0.9100</title>",
                        ">epoch</text>",
                        "<g class=\"legend train\">",
                        "<g class=\"legend test\">");
        assertThat(count(curves, "<tr><td>")).isEqualTo(4);
        assertThat(curves)
                .containsSubsequence(
                        "<details class=\"history\"><summary>Figures of each epoch (4 epochs)</summary>",
                        "<table class=\"history\">",
                        "</table>\n</details>");
    }

    @Test
    void notFiniteValuesBreakTheLine() {
        ModelMetrics metrics = SampleReport.metrics("m");
        List<EpochMetrics> history = List.of(
                new EpochMetrics(1, 0.5, 0.8, 0.4, 0.8, 1, 1),
                new EpochMetrics(2, Double.NaN, 0.8, 0.4, 0.8, 1, 1),
                new EpochMetrics(3, 0.3, 0.8, 0.4, 0.8, 1, 1));
        ModelMetrics diverged =
                new ModelMetrics("m", "m.yaml", 1, "cpu()", metrics.versions(), 1, history, metrics.test(), 1, 1);

        String curves = section(
                HtmlReport.render(new ReportData(diverged, diverged.test(), List.of(), null, SampleReport.GENERATED)),
                "learning-curves");

        Matcher path =
                Pattern.compile("<path class=\"series train\" d=\"([^\"]*)\"").matcher(curves);
        assertThat(path.find()).isTrue();
        assertThat(path.group(1)).matches("M[\\d. ]+ M[\\d. ]+").doesNotContain("NaN");
    }

    @Test
    void validationFiguresGetTheirOwnCurves() {
        ModelMetrics metrics = SampleReport.metrics("m");
        List<EpochMetrics> history = List.of(
                new EpochMetrics(1, 0.5, 0.8, 0.4, 0.8, 1, 1, 0.45, 0.82),
                new EpochMetrics(2, 0.3, 0.9, 0.35, 0.85, 1, 1, 0.4, 0.84));
        ModelMetrics validated =
                new ModelMetrics("m", "m.yaml", 1, "cpu()", metrics.versions(), 1, history, metrics.test(), 1, 1);

        String curves = section(
                HtmlReport.render(new ReportData(validated, validated.test(), List.of(), null, SampleReport.GENERATED)),
                "learning-curves");

        assertThat(count(curves, "<path class=\"series validation\"")).isEqualTo(2);
        assertThat(curves).contains("<g class=\"legend validation\">", "<title>validation, epoch 2: 0.8400</title>");
        assertThat(count(curves, "<circle class=\"point")).isEqualTo(12);
    }

    @Test
    void theLearningRateGetsItsOwnChartAndColumn() {
        ModelMetrics metrics = SampleReport.metrics("m");
        List<EpochMetrics> history = List.of(
                new EpochMetrics(1, 0.5, 0.8, 0.4, 0.8, 1, 1, null, null, 0.001),
                new EpochMetrics(2, 0.3, 0.9, 0.35, 0.85, 1, 1, null, null, 0.0005),
                new EpochMetrics(3, 0.2, 0.9, 0.3, 0.86, 1, 1, null, null, 2.5e-8));
        ModelMetrics scheduled =
                new ModelMetrics("m", "m.yaml", 1, "cpu()", metrics.versions(), 1, history, metrics.test(), 1, 1);

        String curves = section(
                HtmlReport.render(new ReportData(scheduled, scheduled.test(), List.of(), null, SampleReport.GENERATED)),
                "learning-curves");

        assertThat(count(curves, "<svg class=\"chart\"")).isEqualTo(3);
        assertThat(curves)
                .contains(
                        "aria-label=\"Learning rate\"",
                        "<g class=\"legend train\"><line x1=",
                        "<th>learning rate</th>",
                        "<td>0.001</td></tr>",
                        "<td>0.0005</td></tr>",
                        "<td>2.500e-08</td></tr>");
        assertThat(section(
                        HtmlReport.render(
                                new ReportData(metrics, metrics.test(), List.of(), null, SampleReport.GENERATED)),
                        "learning-curves"))
                .doesNotContain("Learning rate", "learning rate");
    }

    @Test
    void testCurvesNeedTheTestSetMeasuredAfterEveryEpoch() {
        ModelMetrics metrics = SampleReport.metrics("m");
        List<EpochMetrics> history = List.of(
                new EpochMetrics(1, 0.5, 0.8, null, null, 1, 1, null, null),
                new EpochMetrics(2, 0.3, 0.9, 0.35, 0.85, 1, 1, null, null));
        ModelMetrics testedAtTheEnd =
                new ModelMetrics("m", "m.yaml", 1, "cpu()", metrics.versions(), 1, history, metrics.test(), 1, 1);

        String curves = section(
                HtmlReport.render(
                        new ReportData(testedAtTheEnd, testedAtTheEnd.test(), List.of(), null, SampleReport.GENERATED)),
                "learning-curves");

        assertThat(count(curves, "<path class=\"series train\"")).isEqualTo(2);
        assertThat(curves).doesNotContain("series test", "legend test", "NaN");
        assertThat(curves)
                .contains(
                        "<tr><td>1</td><td>0.5000</td><td>0.8000</td><td>&ndash;</td><td>&ndash;</td>",
                        "<tr><td>2</td><td>0.3000</td><td>0.9000</td><td>0.3500</td><td>0.8500</td>");
    }

    @Test
    void singleEpochStillDraws() {
        ModelMetrics metrics = SampleReport.metrics("m");
        ModelMetrics one = new ModelMetrics(
                "m",
                "m.yaml",
                1,
                "cpu()",
                metrics.versions(),
                1,
                List.of(new EpochMetrics(1, 0.5, 0.8, 0.5, 0.8, 1, 1)),
                metrics.test(),
                1,
                1);

        String curves = section(
                HtmlReport.render(new ReportData(one, one.test(), List.of(), null, SampleReport.GENERATED)),
                "learning-curves");

        assertThat(count(curves, "<circle class=\"point")).isEqualTo(4);
        assertThat(curves).doesNotContain("NaN", "Infinity");
    }

    @Test
    void confusionMatrixHasAShadedCellPerPair() {
        String matrix = section(HtmlReport.render(SampleReport.data("mnist-cnn")), "confusion-matrix");

        assertThat(count(matrix, "<td class=\"cell")).isEqualTo(9);
        assertThat(count(matrix, "<td class=\"cell diag")).isEqualTo(3);
        assertThat(matrix).contains("title=\"true 1, predicted 2: 7 (14.0% of class 1)\">7</td>");
        assertThat(matrix)
                .contains("<td class=\"cell zero\" title=\"true 0, predicted 2: 0 (0.0% of class 0)\">0</td>");
        assertThat(matrix).contains("style=\"background:rgba(37,99,235,0.962)\"");
    }

    @Test
    void perClassTableHasARowPerClass() {
        String perClass = section(HtmlReport.render(SampleReport.data("mnist-cnn")), "per-class");

        assertThat(count(perClass, "<tr class=\"class-row\">")).isEqualTo(3);
        assertThat(perClass)
                .contains("<th>accuracy (recall)</th><th>precision</th><th>F1</th>")
                .contains("<th scope=\"row\">1</th><td>50</td><td class=\"lowest\">0.8000</td>"
                        + "<td>0.9302</td><td class=\"lowest\">0.8602</td></tr>");
        assertThat(count(perClass, "class=\"lowest\"")).isEqualTo(3);
    }

    @Test
    void misclassifiedImagesAreInlineUpscaledPngs() throws Exception {
        String grid = section(HtmlReport.render(SampleReport.data("mnist-cnn")), "misclassified");

        assertThat(count(grid, "<img src=\"data:image/png;base64,")).isEqualTo(5);
        assertThat(grid)
                .contains(
                        "width=\"84\" height=\"84\"",
                        "alt=\"test image #3: true 1, predicted 2\"",
                        "90.0%",
                        "<span class=\"index\">#4</span>",
                        "The 5 most confident of 13 mistakes on 150 test images",
                        "confidence, position in the test set.");
        Matcher png = DATA_PNG.matcher(grid);
        assertThat(png.find()).isTrue();
        assertThat(png.find()).isTrue();
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
        assertThat(image.getWidth()).isEqualTo(84);
        assertThat(image.getHeight()).isEqualTo(84);
        assertThat(image.getRaster().getSample(3 * 5 + 1, 3 * 2 + 2, 0)).isEqualTo(40 + 5);
    }

    @Test
    void misclassifiedImagesFromFilesAreNamedByTheirFileInsteadOfTheirIndex() {
        ModelMetrics metrics = SampleReport.metrics("shapes");
        LabeledImages test = new LabeledImages(
                SampleReport.images(3),
                new int[] {0, 1, 1},
                List.of("circle/ok.png", "square/<b>.png", "square/9.png"));
        List<Prediction> predictions = List.of(
                new Prediction(0, new float[] {0.9f, 0.1f}),
                new Prediction(0, new float[] {0.8f, 0.2f}),
                new Prediction(0, new float[] {0.7f, 0.3f}));

        String grid = section(
                HtmlReport.render(new ReportData(
                        metrics,
                        metrics.test(),
                        Misclassified.collect(test, predictions, 36),
                        null,
                        SampleReport.GENERATED)),
                "misclassified");

        assertThat(grid)
                .contains(
                        "<span class=\"index\">square/&lt;b&gt;.png</span>",
                        "<span class=\"index\">square/9.png</span>",
                        "alt=\"test image square/9.png: true 1, predicted 0\"",
                        "confidence, file (relative to the data folder).")
                .doesNotContain("circle/ok.png", "#1", "#2");
    }

    @Test
    void imagesAreScaledUpToAbout84PixelsButNeverDown() {
        ModelMetrics metrics = SampleReport.metrics("m");
        ImageSet tiny = new ImageSet(1, 8, 8, new byte[64]);
        ImageSet large = new ImageSet(1, 100, 120, new byte[12_000]);

        String grid = section(
                HtmlReport.render(new ReportData(
                        metrics,
                        metrics.test(),
                        List.of(
                                new Misclassified(0, 0, 1, 0.6, tiny, Optional.empty()),
                                new Misclassified(0, 0, 1, 0.6, large, Optional.empty())),
                        null,
                        SampleReport.GENERATED)),
                "misclassified");

        assertThat(grid).contains("width=\"88\" height=\"88\"", "width=\"120\" height=\"100\"");
    }

    @Test
    void emptyGridSaysWhy() {
        ModelMetrics metrics = SampleReport.metrics("m");
        TestMetrics perfect = TestMetrics.of(new Evaluation(new long[][] {{5, 0}, {0, 5}}, 1));

        assertThat(section(
                        HtmlReport.render(new ReportData(metrics, perfect, List.of(), null, SampleReport.GENERATED)),
                        "misclassified"))
                .contains("Every test image was classified correctly.");
        assertThat(section(
                        HtmlReport.render(
                                new ReportData(metrics, metrics.test(), List.of(), null, SampleReport.GENERATED)),
                        "misclassified"))
                .contains("No misclassified images were collected.");
    }

    @Test
    void withoutRulesTheGateSaysSo() {
        String html = HtmlReport.render(SampleReport.data("m"));

        assertThat(section(html, "rules")).contains("No rules configured.").doesNotContain("<table");
    }

    @Test
    void gateOutcomesAreListedWithTheirStatus() throws Exception {
        ModelMetrics metrics = SampleReport.metrics("mnist-cnn");
        GateResult gate = new QualityGate(List.of(
                        Rule.builder("accuracy").minimum("0.95").build(),
                        Rule.builder("loss")
                                .maximum("0.5")
                                .absoluteTolerance("0.01")
                                .build()))
                .check("mnist-cnn", MetricSource.of(metrics), Baseline.load(dir.resolve("baseline.json")));

        String html =
                HtmlReport.render(new ReportData(metrics, metrics.test(), List.of(), gate, SampleReport.GENERATED));

        String rules = section(html, "rules");
        assertThat(count(rules, "<tr class=\"outcome ")).isEqualTo(3);
        assertThat(rules)
                .contains(
                        "<tr class=\"outcome violated\">",
                        "<tr class=\"outcome passed\">",
                        "<tr class=\"outcome skipped\">",
                        "1 passed, 1 violated, 1 skipped",
                        "No baseline at " + dir.resolve("baseline.json") + "; change rules skipped.",
                        "mnist-cnn: test accuracy is 0.9133, but expected minimum is 0.95");
        assertThat(section(html, "summary")).contains("failed", "1 of 3 checks violated");
    }

    @Test
    void everyTextIsEscaped() throws Exception {
        String evil = "<script>alert('x')</script>&\"";
        ModelMetrics base = SampleReport.metrics("m");
        ModelMetrics metrics =
                new ModelMetrics(evil, evil + ".yaml", 1, evil, base.versions(), 1, base.history(), base.test(), 1, 1);
        GateResult gate = new QualityGate(
                        List.of(Rule.builder("accuracy").minimum("0.99").build()))
                .check(evil, MetricSource.of(metrics), Baseline.none());

        String html =
                HtmlReport.render(new ReportData(metrics, metrics.test(), List.of(), gate, SampleReport.GENERATED));

        assertThat(html).doesNotContain("<script", "alert('x')", "&\"");
        assertThat(html)
                .contains(
                        "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;</h1>", "<title>&lt;script&gt;");
    }

    @Test
    void pageIsSelfContained() throws Exception {
        Path file = HtmlReport.write(SampleReport.data("mnist-cnn"), dir.resolve("out/" + HtmlReport.FILE_NAME));

        String html = Files.readString(file);
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "url(", "@import", "<iframe");
        Matcher sources = Pattern.compile("(src|href)=\"([^\"]*)\"").matcher(html);
        int count = 0;
        while (sources.find()) {
            assertThat(sources.group(2)).startsWith("data:image/png;base64,");
            count++;
        }
        assertThat(count).isEqualTo(5);
    }

    private static String section(String html, String id) {
        int start = html.indexOf(" id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        int end = html.indexOf(id.equals("summary") ? "</header>" : "</section>", start);
        return html.substring(start, end);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void classNamesLabelTheMatrixTheTableAndTheMistakes() {
        ModelMetrics plain = SampleReport.metrics("pets");
        ModelMetrics named = new ModelMetrics(
                plain.name(),
                plain.source(),
                plain.seed(),
                plain.device(),
                plain.versions(),
                plain.parameterCount(),
                plain.history(),
                plain.test(),
                plain.trainSeconds(),
                plain.totalSeconds(),
                null,
                null,
                List.of("cat", "dog", "<fox>"),
                List.of("horizontalFlip: {probability: 0.5}"));

        String html = HtmlReport.render(
                new ReportData(named, named.test(), SampleReport.mistakes(2), null, SampleReport.GENERATED));

        assertThat(html)
                .contains("<th scope=\"col\">cat</th><th scope=\"col\">dog</th>" + "<th scope=\"col\">&lt;fox&gt;</th>")
                .contains("<tr class=\"class-row\"><th scope=\"row\">dog</th>")
                .contains("title=\"true dog, predicted &lt;fox&gt;: 7")
                .contains("<span class=\"labels\">dog &#8594; <b>&lt;fox&gt;</b></span>")
                .contains("<dt>augmentation</dt><dd>horizontalFlip: {probability: 0.5}</dd>");
    }
}

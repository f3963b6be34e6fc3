package dev.cnnbuild.core.service;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.DecodedCache;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.ModelData;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.evaluation.PredictedEvaluation;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelPackager;
import dev.cnnbuild.core.report.HtmlReport;
import dev.cnnbuild.core.report.MarkdownSummary;
import dev.cnnbuild.core.report.ReportWriter;
import dev.cnnbuild.core.rules.Baseline;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.JUnitXmlWriter;
import dev.cnnbuild.core.rules.MetricSource;
import dev.cnnbuild.core.rules.QualityGate;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks trained models against quality-gate rules: evaluates each model directory on its test set (the figures are
 * measured, not copied from {@code metrics.json}), compares them with the rules and the model's baseline, writes a
 * JUnit XML file per model and a Markdown summary of them all ({@value MarkdownSummary#FILE_NAME}, for a CI server's
 * job summary) in the reports folder, and rewrites each model's {@code report.html} with the gate's outcomes.
 *
 * <pre>{@code
 * List<ModelCheck> checks = new CheckService().check(CheckRequest.of(Path.of("target/cnn"),
 *         List.of(Rule.builder("accuracy").minimum("0.98").build())));
 * boolean passed = checks.stream().allMatch(c -> c.gate().passed());
 * }</pre>
 */
public final class CheckService {
    private static final int BATCH = 1000;

    private final Consumer<String> log;

    /** A service that prints nothing of the test data. */
    public CheckService() {
        this(line -> {});
    }

    /**
     * A service that prints the test data's decoding progress and the unreadable images it skips.
     *
     * @param log hears lines such as {@code pets: test set: skipped 1 unreadable image (onBadImage: skip): cat/3.jpg}
     */
    public CheckService(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Checks the request's models, one after the other.
     *
     * @param request what to check
     * @return one check per model, in order
     * @throws RuleException if there is no trained model to check
     * @throws SpecException if a model's stored YAML is not valid
     * @throws DatasetException if a model's test set is missing or does not fit it
     * @throws IOException if a file cannot be read or written
     */
    public List<ModelCheck> check(CheckRequest request)
            throws RuleException, SpecException, DatasetException, IOException {
        List<ModelCheck> checks = new ArrayList<>();
        for (ModelDirectory model : models(request)) {
            checks.add(check(model, request));
        }
        if (request.reportsDirectory().isPresent()) {
            MarkdownSummary.write(
                    checks.stream()
                            .map(check -> new MarkdownSummary.Entry(
                                    check.modelName(), check.evaluatedOn(), check.measured(), check.gate()))
                            .toList(),
                    request.reportsDirectory().get().resolve(MarkdownSummary.FILE_NAME));
        }
        return checks;
    }

    private static List<ModelDirectory> models(CheckRequest request) throws IOException, RuleException {
        if (!request.modelNames().isEmpty()) {
            return request.modelNames().stream()
                    .map(name -> ModelDirectory.of(request.outputDirectory(), name))
                    .toList();
        }
        List<ModelDirectory> models = ModelPackager.completeModels(request.outputDirectory());
        if (models.isEmpty()) {
            throw new RuleException("no trained model under " + request.outputDirectory() + "; run cnn:train first");
        }
        return models;
    }

    private ModelCheck check(ModelDirectory directory, CheckRequest request)
            throws IOException, SpecException, DatasetException, RuleException {
        try (LoadedModel model = load(directory, request);
                ImageStore testSet = ModelData.testStore(
                        model.spec(),
                        directory.root(),
                        DecodedCache.folderBeside(request.outputDirectory()),
                        line -> log.accept(model.spec().name() + ": " + line))) {
            ModelSpec spec = model.spec();
            ImageClassifier classifier = model.classifier();
            PredictedEvaluation tested = classifier.evaluateAndPredict(testSet, BATCH);
            Evaluation evaluation = tested.evaluation();
            Baseline baseline = request.baselineDirectory().isEmpty()
                    ? Baseline.none()
                    : Baseline.load(
                            request.baselineDirectory().get().resolve(spec.name() + CheckRequest.BASELINE_SUFFIX),
                            request.projectDirectory());
            GateResult result = new QualityGate(request.rules())
                    .check(
                            spec.name(),
                            MetricSource.of(evaluation),
                            baseline,
                            model.metrics().classes());
            if (request.reportsDirectory().isPresent()) {
                JUnitXmlWriter.write(
                        result, request.reportsDirectory().get().resolve(JUnitXmlWriter.fileName(spec.name())));
            }
            TestMetrics measured = TestMetrics.of(evaluation);
            Path report = ReportWriter.write(
                    tested.predictions(),
                    model.metrics(),
                    measured,
                    testSet,
                    result,
                    directory.root().resolve(HtmlReport.FILE_NAME));
            return new ModelCheck(
                    spec.name(),
                    model.manager().getDevice().toString(),
                    model.metrics().device(),
                    measured,
                    result,
                    report);
        }
    }

    private static LoadedModel load(ModelDirectory directory, CheckRequest request)
            throws IOException, SpecException, RuleException {
        try {
            return LoadedModel.load(directory, request.projectDirectory(), request.evaluationDevice());
        } catch (IllegalArgumentException e) {
            throw new RuleException(e.getMessage());
        }
    }
}

package dev.cnnbuild.core.cli;

import ai.djl.Device;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.evaluation.PredictedEvaluation;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelPackager;
import dev.cnnbuild.core.model.TestMetrics;
import dev.cnnbuild.core.report.HtmlReport;
import dev.cnnbuild.core.report.ReportWriter;
import dev.cnnbuild.core.rules.Baseline;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.JUnitXmlWriter;
import dev.cnnbuild.core.rules.MetricSource;
import dev.cnnbuild.core.rules.QualityGate;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.rules.RuleOutcome;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.SpecException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks trained models against quality-gate rules: evaluates each model directory on its test set (the figures are
 * measured, not copied from {@code metrics.json}), compares them with the rules and the model's baseline, writes a
 * JUnit XML file per model and rewrites its {@code report.html} with the gate's outcomes. The main class of the JVM
 * that {@code cnn:check} forks.
 *
 * <p>Usage: {@code CheckCommand --output DIR [--baselines DIR] [--reports DIR] [--rule RULE]... [NAME...]}, where
 * a rule is written as {@link RuleArgument} describes and the baseline of model {@code NAME} is
 * {@code <baselines>/NAME.metrics.json}. Without names, every complete model directory under {@code --output} is
 * checked. Exit status 0: every rule held; 3: some did not (each on standard error after {@code VIOLATION: });
 * 2: bad input, after {@code ERROR: }; 1: an unexpected failure.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "$CLASSPATH" dev.cnnbuild.core.cli.CheckCommand --output target/cnn \
 *     --baselines src/test/cnn --rule metric=accuracy,minimum=0.98
 * }</pre>
 */
public final class CheckCommand {
    /** Exit status when a rule is violated. */
    public static final int VIOLATED = 3;
    /** File name suffix of a model's baseline under {@code --baselines}. */
    public static final String BASELINE_SUFFIX = ".metrics.json";
    private static final int BATCH = 1000;

    private final PrintStream out;
    private final PrintStream err;
    private Path output;
    private Path baselines;
    private Path reports;
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param out where progress and passed rules go
     * @param err where violations and errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CheckCommand command = new CheckCommand(out, err);
        try {
            command.parse(args);
            boolean passed = true;
            for (ModelDirectory model : command.models()) {
                passed &= command.check(model);
            }
            return passed ? 0 : VIOLATED;
        } catch (RuleException | SpecException | DatasetException e) {
            err.println("ERROR: " + e.getMessage());
            return TrainCommand.INVALID_INPUT;
        } catch (IOException | RuntimeException e) {
            err.println("ERROR: the check failed unexpectedly: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private void parse(String[] args) throws RuleException {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = Path.of(value(args, ++i));
                case "--baselines" -> baselines = Path.of(value(args, ++i));
                case "--reports" -> reports = Path.of(value(args, ++i));
                case "--rule" -> rules.add(RuleArgument.parse(value(args, ++i)));
                default -> names.add(args[i]);
            }
        }
        if (output == null) {
            throw new RuleException("usage: CheckCommand --output DIR [--baselines DIR] [--reports DIR]"
                    + " [--rule RULE]... [NAME...]");
        }
    }

    private static String value(String[] args, int i) throws RuleException {
        if (i >= args.length) {
            throw new RuleException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private List<ModelDirectory> models() throws IOException, RuleException {
        if (!names.isEmpty()) {
            List<ModelDirectory> models = new ArrayList<>();
            for (String name : names) {
                models.add(ModelDirectory.of(output, name));
            }
            return models;
        }
        List<ModelDirectory> models = ModelPackager.completeModels(output);
        if (models.isEmpty()) {
            throw new RuleException("no trained model under " + output + "; run cnn:train first");
        }
        return models;
    }

    private boolean check(ModelDirectory directory) throws IOException, SpecException, DatasetException {
        try (LoadedModel model = LoadedModel.load(directory, Device.cpu())) {
            ModelSpec spec = model.spec();
            LabeledImages testSet = DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
            ImageClassifier classifier = model.classifier();
            PredictedEvaluation tested = classifier.evaluateAndPredict(testSet, BATCH);
            Evaluation evaluation = tested.evaluation();
            Baseline baseline = baselines == null ? Baseline.none()
                    : Baseline.load(baselines.resolve(spec.name() + BASELINE_SUFFIX));
            GateResult result = new QualityGate(rules).check(spec.name(), MetricSource.of(evaluation), baseline);
            out.println(String.format(Locale.ROOT, "%s: measured on %,d test images: test accuracy %.4f, test loss"
                    + " %.4f", spec.name(), evaluation.count(), evaluation.accuracy(), evaluation.loss()));
            report(spec.name(), result);
            if (reports != null) {
                JUnitXmlWriter.write(result, reports.resolve(JUnitXmlWriter.fileName(spec.name())));
            }
            Path report = ReportWriter.write(tested.predictions(), model.metrics(), TestMetrics.of(evaluation), testSet,
                    result, directory.root().resolve(HtmlReport.FILE_NAME));
            out.println(spec.name() + ": report written to " + report);
            return result.passed();
        }
    }

    private void report(String name, GateResult result) {
        result.baselineNote().ifPresent(note -> out.println(name + ": " + note));
        if (!result.hasRules()) {
            out.println(name + ": no rules configured");
        }
        for (RuleOutcome outcome : result.outcomes()) {
            if (outcome.violated()) {
                err.println("VIOLATION: " + outcome.message());
            } else {
                out.println(outcome.message());
            }
        }
        out.println(result.summary().lines().findFirst().orElse(""));
    }
}

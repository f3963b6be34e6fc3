package dev.cnnbuild.maven;

import dev.cnnbuild.core.cli.CheckForkRequest;
import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.RuleArgument;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every trained model under {@code outputDirectory} against the configured rules and its baseline, as
 * JaCoCo's {@code check} goal does for coverage. The figures are measured by evaluating the model directory on its
 * test set in a forked JVM, not copied from the trainer's {@code metrics.json}. Each model's outcomes also go to a
 * JUnit XML file, so CI servers show the gate like tests, and into its {@code report.html}; a Markdown table of all
 * models' figures and outcomes, {@code cnn-summary.md} beside the JUnit XML files, is for a CI job summary. The POM
 * that binds it with rules: docs/goals.md, "cnn:check"; the rules: docs/quality-gate.md.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractForkingMojo {
    /** The rules; see {@link RuleConfig}. Without rules, the models are still evaluated and reported. */
    @Parameter
    private List<RuleConfig> rules;

    /**
     * Where baselines are: {@code <baselineDirectory>/<name>.metrics.json}, as {@code cnn:bless} writes them.
     * Tolerance rules are skipped, and the log says so, while a model has no baseline.
     */
    @Parameter(property = "cnn.baselineDirectory", defaultValue = "${project.basedir}/src/test/cnn")
    private File baselineDirectory;

    /** Fails the build when a rule is violated; when {@code false}, violations are only warnings. */
    @Parameter(property = "cnn.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /**
     * The device that evaluates: {@code auto} (the kind that trained each model when the fork's natives and the machine
     * have one, the CPU otherwise, so a model trained on a GPU is checked on a CPU-only machine without retraining),
     * {@code cpu}, {@code gpu} or {@code gpu:N}.
     */
    @Parameter(property = "cnn.device", defaultValue = "auto")
    private String device;

    /**
     * The names of the models this execution checks; all models under {@code outputDirectory} when empty. Two
     * executions with their own {@code modelNames} and {@code rules} gate two models by different bars. (Not
     * {@code models}: in an execution that runs {@code train} too, that parameter names model files.)
     */
    @Parameter(property = "cnn.modelNames")
    private List<String> modelNames;

    /**
     * Where the JUnit XML files go, {@code TEST-cnn.check.<name>.xml}, and the Markdown summary of all models,
     * {@code cnn-summary.md}.
     */
    @Parameter(property = "cnn.reportsDirectory", defaultValue = "${project.build.directory}/cnn-reports")
    private File reportsDirectory;

    @Override
    protected String goal() {
        return "cnn:check";
    }

    @Override
    protected void checkParameters(ParameterCheck check) {
        check.device("device", "cnn.device", device)
                .rules("<rules>", rules)
                .folder("baselineDirectory", "cnn.baselineDirectory", baselineDirectory)
                .folder("reportsDirectory", "cnn.reportsDirectory", reportsDirectory);
    }

    @Override
    protected void executeFork() throws MojoExecutionException, MojoFailureException {
        List<RuleArgument> ruleArguments = new ArrayList<>();
        if (rules != null) {
            rules.forEach(rule -> ruleArguments.add(rule.toArgument()));
        }
        CheckForkRequest request = new CheckForkRequest(
                outputDirectory.getAbsoluteFile().toPath(),
                projectDirectory.getAbsoluteFile().toPath(),
                Optional.of(baselineDirectory.getAbsoluteFile().toPath()),
                Optional.of(reportsDirectory.getAbsoluteFile().toPath()),
                ruleArguments,
                modelNames == null ? List.of() : modelNames,
                device,
                threadSettings(),
                mavenPid());
        List<String> violations = new ArrayList<>();
        int status = runFork(
                request,
                line -> ForkProtocol.violationMessage(line)
                        .ifPresentOrElse(violations::add, () -> getLog().warn(line)));
        if (status == ForkProtocol.VIOLATED) {
            failOrWarn(violations);
        } else if (status != ForkProtocol.SUCCESS) {
            unexpectedStatus(status);
        }
    }

    private void failOrWarn(List<String> violations) throws MojoFailureException {
        if (!haltOnFailure) {
            violations.forEach(v -> getLog().warn("Rule violated: " + v));
            getLog().warn("Quality gate failed, but haltOnFailure is false: the build goes on.");
            return;
        }
        violations.forEach(v -> getLog().error("Rule violated: " + v));
        throw new MojoFailureException("Quality gate failed: " + String.join("; ", violations));
    }

    @Override
    protected String failure() {
        return "Check failed";
    }
}

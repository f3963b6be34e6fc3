package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.files.FolderLockedException;
import dev.cnnbuild.core.model.ModelIntegrityException;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.rules.RuleOutcome;
import dev.cnnbuild.core.service.CheckRequest;
import dev.cnnbuild.core.service.CheckService;
import dev.cnnbuild.core.service.ModelCheck;
import dev.cnnbuild.core.spec.SpecException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of {@link CheckService}: parses the arguments into a {@link CheckRequest} and prints the
 * checks. The main class of the JVM that {@code cnn:check} forks.
 *
 * <p>Usage: {@code CheckCommand --output DIR [--project DIR] [--baselines DIR] [--reports DIR] [--rule RULE]...
 * [--device DEVICE] [NAME...]}, where a rule is a {@link RuleArgument} and the baseline of model {@code NAME} is
 * {@code <baselines>/NAME.metrics.json}. Without names, every complete model directory under {@code --output} is
 * checked. The device is {@code auto} (the kind that trained each model when there is one here, else the CPU),
 * {@code cpu}, {@code gpu} or {@code gpu:N}. Exit status as {@link ForkProtocol} defines it: 0 every rule held; 3
 * some did not (each on standard error as a violation line); 2 bad input, on an error line; 1 an unexpected failure.
 * A model directory whose files do not match its manifest ({@code manifest.sha256}) is bad input: nothing is
 * measured. The output folder is locked while the check writes reports into it ({@link FolderLock}).
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "$CLASSPATH" dev.cnnbuild.core.cli.CheckCommand --output target/cnn \
 *     --baselines src/test/cnn --rule metric=accuracy,minimum=0.98
 * }</pre>
 */
public final class CheckCommand {
    private static final String USAGE = "usage: CheckCommand --output DIR [--project DIR] [--baselines DIR]"
            + " [--reports DIR] [--rule RULE]... [--device DEVICE] [NAME...]";

    private final PrintStream out;
    private final PrintStream err;

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
        ParentWatch.startFromSystemProperty(System.err);
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
            CheckRequest request = parse(args);
            boolean passed = true;
            try (FolderLock lock = Files.isDirectory(request.outputDirectory())
                    ? FolderLock.acquire(request.outputDirectory(), "checking")
                    : null) {
                for (ModelCheck check : new CheckService().check(request)) {
                    passed &= command.print(check);
                }
            }
            return passed ? ForkProtocol.SUCCESS : ForkProtocol.VIOLATED;
        } catch (RuleException | SpecException | DatasetException | ModelIntegrityException | FolderLockedException e) {
            err.println(ForkProtocol.error(e.getMessage()));
            return ForkProtocol.INVALID_INPUT;
        } catch (IOException | RuntimeException e) {
            err.println(ForkProtocol.error("the check failed unexpectedly: " + e));
            e.printStackTrace(err);
            return ForkProtocol.FAILED;
        }
    }

    private static CheckRequest parse(String[] args) throws RuleException {
        Path output = null;
        Path project = Path.of("");
        Path baselines = null;
        Path reports = null;
        List<Rule> rules = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String device = "auto";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = Path.of(value(args, ++i));
                case "--project" -> project = Path.of(value(args, ++i));
                case "--baselines" -> baselines = Path.of(value(args, ++i));
                case "--reports" -> reports = Path.of(value(args, ++i));
                case "--rule" -> rules.add(RuleArgument.decode(value(args, ++i)).toRule());
                case "--device" -> device = value(args, ++i);
                default -> names.add(args[i]);
            }
        }
        if (output == null) {
            throw new RuleException(USAGE);
        }
        return new CheckRequest(
                output, project, Optional.ofNullable(baselines), Optional.ofNullable(reports), rules, names, device);
    }

    private static String value(String[] args, int i) throws RuleException {
        if (i >= args.length) {
            throw new RuleException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private boolean print(ModelCheck check) {
        String name = check.modelName();
        out.println(name + ": evaluated on " + check.evaluatedOn() + " (trained on " + check.trainedOn() + ")");
        out.println(String.format(
                Locale.ROOT,
                "%s: measured on %,d test images: test accuracy %.4f, test loss" + " %.4f",
                name,
                check.measured().count(),
                check.measured().accuracy(),
                check.measured().loss()));
        GateResult result = check.gate();
        result.baselineNote().ifPresent(note -> out.println(name + ": " + note));
        if (!result.hasRules()) {
            out.println(name + ": no rules configured");
        }
        for (RuleOutcome outcome : result.outcomes()) {
            if (outcome.violated()) {
                err.println(ForkProtocol.violation(outcome.message()));
            } else {
                out.println(outcome.message());
            }
        }
        out.println(result.summary().lines().findFirst().orElse(""));
        out.println(name + ": report written to " + check.report());
        return result.passed();
    }
}

package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.files.FolderLockedException;
import dev.cnnbuild.core.model.ModelIntegrityException;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.rules.RuleOutcome;
import dev.cnnbuild.core.service.CheckRequest;
import dev.cnnbuild.core.service.CheckService;
import dev.cnnbuild.core.service.ModelCheck;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.text.Counted;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;

/**
 * The main class of the JVM that {@code cnn:check} forks: reads its {@link CheckForkRequest} from the file named by
 * its one argument, {@code --request FILE} ({@link ForkRequestFile}), checks the models with {@link CheckService} and
 * prints the checks. Without model names, every complete model directory under the output folder is checked. Exit
 * status as {@link ForkProtocol} defines it: 0 every rule held; 3 some did not (each on standard error as a violation
 * line); 2 bad input, on an error line; 1 an unexpected failure. A model directory whose files do not match its
 * manifest ({@code manifest.sha256}) is bad input: nothing is measured. The output folder is locked while the check
 * writes reports into it ({@link FolderLock}).
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "$CLASSPATH" dev.cnnbuild.core.cli.CheckCommand --request target/cnn-fork/check-1.properties
 * // or in this JVM:
 * CheckCommand.run(CheckForkRequest.of(Path.of("target/cnn"), rules), out, err);
 * }</pre>
 */
public final class CheckCommand {
    private static final String USAGE = "usage: CheckCommand --request FILE, where FILE is the request that cnn:check"
            + " writes (ForkRequestFile)";

    private final PrintStream out;
    private final PrintStream err;

    private CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args {@code --request FILE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Reads the request file named by the arguments, starts watching the process it names, and runs the request.
     *
     * @param args {@code --request FILE}
     * @param out where progress and passed rules go
     * @param err where violations and errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CheckForkRequest request;
        try {
            request = ForkRequestFile.read(ForkProtocol.requestFile(args, USAGE), CheckForkRequest.class);
        } catch (ForkRequestException e) {
            err.println(ForkProtocol.error(e.getMessage()));
            return ForkProtocol.INVALID_INPUT;
        }
        ParentWatch.start(request.parentPid(), err);
        return run(request, out, err);
    }

    /**
     * Runs a request.
     *
     * @param forkRequest what to check
     * @param out where progress and passed rules go
     * @param err where violations and errors go
     * @return the exit status
     */
    public static int run(CheckForkRequest forkRequest, PrintStream out, PrintStream err) {
        CheckCommand command = new CheckCommand(out, err);
        try {
            CheckRequest request = forkRequest.checkRequest();
            boolean passed = true;
            try (FolderLock lock = Files.isDirectory(request.outputDirectory())
                    ? FolderLock.acquire(request.outputDirectory(), "checking")
                    : null) {
                for (ModelCheck check : new CheckService(out::println).check(request)) {
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

    private boolean print(ModelCheck check) {
        String name = check.modelName();
        out.println(name + ": evaluated on " + check.evaluatedOn() + " (trained on " + check.trainedOn() + ")");
        out.println(String.format(
                Locale.ROOT,
                "%s: measured on %s: test accuracy %.4f, test loss %.4f",
                name,
                Counted.of(check.measured().count(), "test image"),
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

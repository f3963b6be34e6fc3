package dev.cnnbuild.core.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The protocol between the Maven plugin and the JVMs it forks, in one place that both sides use: the main classes
 * and their one argument, {@code --request FILE} (what the fork is to do travels in that file, {@link
 * ForkRequestFile}), the exit statuses, and the prefixes of the standard error lines that carry errors and rule
 * violations back.
 *
 * <pre>{@code
 * // in the fork
 * System.err.println(ForkProtocol.error("model.yaml:3:5: unknown key 'filter'"));
 * System.exit(ForkProtocol.INVALID_INPUT);
 * // in the plugin
 * ForkProtocol.errorMessage(line).ifPresent(getLog()::error);
 * }</pre>
 */
public final class ForkProtocol {
    /** The main class of the training fork. */
    public static final String TRAIN_MAIN_CLASS = TrainCommand.class.getName();
    /** The main class of the checking fork. */
    public static final String CHECK_MAIN_CLASS = CheckCommand.class.getName();
    /** Exit status: everything worked and every rule held. */
    public static final int SUCCESS = 0;
    /** Exit status: an unexpected failure; a stack trace follows the error line. */
    public static final int FAILED = 1;
    /** Exit status: a model file, a data file, a rule or an option is wrong; the error line says how to fix it. */
    public static final int INVALID_INPUT = 2;
    /** Exit status of the check: some rule was violated; each violation has its own line. */
    public static final int VIOLATED = 3;

    private static final String ERROR_PREFIX = "ERROR: ";
    private static final String VIOLATION_PREFIX = "VIOLATION: ";

    private ForkProtocol() {}

    /** The one argument of a fork's main class, before the request file's path. */
    public static final String REQUEST_OPTION = "--request";

    /**
     * Returns the request file of a fork's command line, {@code --request FILE}.
     *
     * @param args the command line
     * @param usage the main class's usage line, for the error
     * @return the file
     * @throws ForkRequestException if the command line is anything else
     */
    public static Path requestFile(String[] args, String usage) throws ForkRequestException {
        if (args.length != 2 || !args[0].equals(REQUEST_OPTION)) {
            throw new ForkRequestException(usage);
        }
        return Path.of(args[1]);
    }

    /** Returns the standard error line that reports an error. */
    public static String error(String message) {
        return ERROR_PREFIX + message;
    }

    /** Returns the standard error line that reports a violated rule. */
    public static String violation(String message) {
        return VIOLATION_PREFIX + message;
    }

    /** Returns the error message of a standard error line, if it reports an error. */
    public static Optional<String> errorMessage(String line) {
        return after(ERROR_PREFIX, line);
    }

    /** Returns the violation message of a standard error line, if it reports a violated rule. */
    public static Optional<String> violationMessage(String line) {
        return after(VIOLATION_PREFIX, line);
    }

    private static Optional<String> after(String prefix, String line) {
        return line.startsWith(prefix) ? Optional.of(line.substring(prefix.length())) : Optional.empty();
    }
}

package dev.cnnbuild.core.service;

import dev.cnnbuild.core.training.TrainingException;
import java.util.List;

/**
 * Training cannot start, for one or more reasons found before any model trained ({@link TrainingPreflight}): each
 * problem names its file or folder and the fix, and the command line prints each on its own error line.
 *
 * <pre>{@code
 * try {
 *     TrainingPreflight.validate(requests);
 * } catch (PreflightException e) {
 *     e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public class PreflightException extends TrainingException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems what is wrong, at least one, each with where and how to fix it
     */
    public PreflightException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns each problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}

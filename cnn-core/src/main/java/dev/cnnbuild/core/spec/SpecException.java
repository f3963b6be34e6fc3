package dev.cnnbuild.core.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A model file that cannot be used; the message says what is wrong, where, and how to fix it. A model file with
 * several independent errors gives one exception that lists them all, in file order, one per line, as a compiler
 * does: {@link #errors()} returns them one by one.
 *
 * <pre>{@code
 * try {
 *     CheckedModel.read(Path.of("mnist.yaml"), MemoryLimit.machine());
 * } catch (SpecException e) {
 *     e.errors().forEach(System.err::println);  // mnist.yaml:3:10: 'classes' must be a whole number, but was 'ten'
 * }
 * }</pre>
 */
public class SpecException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The most errors listed, as a compiler stops listing: a wrong file given as a model file has thousands. */
    static final int MAX_ERRORS = 100;

    /** In file order: by line, then column; errors without a place first. */
    private static final Comparator<SpecException> FILE_ORDER = Comparator.comparing(
                    (SpecException e) -> e.location.map(SourceLocation::line).orElse(0))
            .thenComparing(e -> e.location.map(SourceLocation::column).orElse(0));

    /** Where the error is, for sorting several; empty for a message not about a place in the file. */
    private final transient Optional<SourceLocation> location;

    private final List<String> errors;

    /**
     * Creates the exception.
     *
     * @param message the full human-readable message
     */
    public SpecException(String message) {
        this(message, null);
    }

    /**
     * Creates the exception with the cause that made the file unusable, such as an I/O error.
     *
     * @param message the full human-readable message
     * @param cause the underlying error
     */
    public SpecException(String message, Throwable cause) {
        super(message, cause);
        this.location = Optional.empty();
        this.errors = List.of(message);
    }

    private SpecException(Optional<SourceLocation> location, List<String> errors) {
        super(String.join(System.lineSeparator(), errors));
        this.location = location;
        this.errors = errors;
    }

    /**
     * Creates the exception for a problem at a position in the model file.
     *
     * <pre>{@code
     * throw SpecException.at(layer.location(), "layer 3 (conv2d): ...");  // "mnist.yaml:7:5: layer 3 (conv2d): ..."
     * }</pre>
     *
     * @param location where the problem is
     * @param message what is wrong and how to fix it
     * @return the exception, whose message starts with {@code file:line:column: }
     */
    public static SpecException at(SourceLocation location, String message) {
        return new SpecException(Optional.of(location), List.of(location + ": " + message));
    }

    /**
     * Joins the errors found in one model file into one exception, in file order.
     *
     * @param found the errors, at least one
     * @return the exception listing every error of {@code found} (the first {@value #MAX_ERRORS}, then how many
     *     more), each one line of its message
     */
    static SpecException all(List<SpecException> found) {
        List<SpecException> sorted = found.stream().sorted(FILE_ORDER).toList();
        List<String> errors =
                new ArrayList<>(sorted.stream().flatMap(e -> e.errors.stream()).toList());
        if (errors.size() > MAX_ERRORS) {
            int more = errors.size() - MAX_ERRORS;
            errors.subList(MAX_ERRORS, errors.size()).clear();
            errors.add("... and " + more + " more error" + (more == 1 ? "" : "s") + " in "
                    + sorted.get(0)
                            .location
                            .map(SourceLocation::file)
                            .map(Object::toString)
                            .orElse("the file")
                    + "; fix these first");
        }
        return new SpecException(sorted.get(0).location, List.copyOf(errors));
    }

    /**
     * Returns every error, one located line each, in file order.
     *
     * @return the errors; one for a file with one error
     */
    public List<String> errors() {
        return errors;
    }
}

package dev.cnnbuild.core.spec;

/**
 * A model file that cannot be used; the message says what is wrong, where, and how to fix it.
 *
 * <pre>{@code
 * try {
 *     ModelSpecReader.readAndValidate(Path.of("mnist.yaml"));
 * } catch (SpecException e) {
 *     System.err.println(e.getMessage());  // mnist.yaml:3:10: 'classes' must be a whole number, but was 'ten'
 * }
 * }</pre>
 */
public class SpecException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the full human-readable message
     */
    public SpecException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the cause that made the file unusable, such as an I/O error.
     *
     * @param message the full human-readable message
     * @param cause the underlying error
     */
    public SpecException(String message, Throwable cause) {
        super(message, cause);
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
        return new SpecException(location + ": " + message);
    }
}

package dev.cnnbuild.test;

/**
 * A model cannot be loaded or measured: its directory is missing or incomplete, its files do not fit together, or
 * its test set cannot be read. The message says where the test API looked and how to fix it.
 *
 * <pre>{@code
 * try (CnnModel model = CnnModel.load("mnist-cnn")) {
 *     ...
 * } catch (CnnModelException e) {
 *     System.err.println(e.getMessage()); // "No trained model mnist-cnn in ... run 'mvn verify' ..."
 * }
 * }</pre>
 */
public class CnnModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, where, and how to fix it
     */
    public CnnModelException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, where, and how to fix it
     * @param cause the underlying failure
     */
    public CnnModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

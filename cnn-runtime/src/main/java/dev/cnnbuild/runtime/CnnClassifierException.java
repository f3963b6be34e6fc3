package dev.cnnbuild.runtime;

/**
 * A model or an image a {@link CnnClassifier} cannot use: a missing or tampered model directory or class path
 * resource, an engine without natives, a file that is not an image, an image of the wrong size. The message names
 * the model or image, what is wrong and the fix; the cause, when there is one, is the underlying error.
 *
 * <pre>{@code
 * try {
 *     classifier.classify(upload);
 * } catch (CnnClassifierException e) {
 *     response.sendError(400, e.getMessage());   // "upload: image is 32x32 (height x width) but ..."
 * }
 * }</pre>
 */
public class CnnClassifierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public CnnClassifierException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the underlying error
     */
    public CnnClassifierException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.cnnbuild.core.data;

/**
 * A dataset file that cannot be used: missing, truncated, of the wrong kind, or not matching the model.
 *
 * <pre>{@code
 * try {
 *     IdxReader.readImages(path);
 * } catch (DatasetException e) {
 *     System.err.println(e.getMessage()); // "data/x.idx: not an IDX image file ..."
 * }
 * }</pre>
 */
public class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, where, and how to fix it
     */
    public DatasetException(String message) {
        super(message);
    }
}

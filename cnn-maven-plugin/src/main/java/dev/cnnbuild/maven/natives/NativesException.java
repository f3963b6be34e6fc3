package dev.cnnbuild.maven.natives;

/**
 * The natives asked for cannot be used on this machine or cannot be resolved; the message says why and what to do.
 *
 * <pre>{@code
 * throw new NativesException("natives 'cuda' needs an NVIDIA GPU, but none was found; use 'auto' or 'cpu'");
 * }</pre>
 */
public final class NativesException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public NativesException(String message) {
        super(message);
    }
}

package dev.cnnbuild.core.cli;

/**
 * A fork's request file that cannot be used: missing, unreadable, from another plugin version, for another goal,
 * changed or cut short. The message names the file, what is wrong and the fix.
 *
 * <pre>{@code
 * try {
 *     ForkRequestFile.read(file, TrainForkRequest.class);
 * } catch (ForkRequestException e) {
 *     System.err.println(ForkProtocol.error(e.getMessage()));
 * }
 * }</pre>
 */
public final class ForkRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with its message.
     *
     * @param message the file, what is wrong and the fix
     */
    public ForkRequestException(String message) {
        super(message);
    }
}

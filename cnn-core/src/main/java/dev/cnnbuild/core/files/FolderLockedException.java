package dev.cnnbuild.core.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder is locked by another process ({@link FolderLock}); the message names that process and the fix.
 *
 * <pre>{@code
 * try (FolderLock lock = FolderLock.acquire(output, "training")) {
 *     ...
 * } catch (FolderLockedException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class FolderLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param folder the locked folder
     * @param holder the holding process, in words
     */
    public FolderLockedException(Path folder, String holder) {
        super(folder + " is in use by another build, " + holder + ", which holds "
                + folder.resolve(FolderLock.FILE_NAME)
                + "; two builds must not write the same model directories at once. Wait for it to finish (or stop"
                + " it), then build again; or give this build another output folder (-Dcnn.outputDirectory)");
    }
}

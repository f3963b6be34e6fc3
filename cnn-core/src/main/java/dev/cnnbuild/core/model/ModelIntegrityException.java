package dev.cnnbuild.core.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model directory is not what {@code cnn:train} wrote: a file differs from the hash its manifest
 * ({@link ModelManifest}) holds for it, or the manifest itself is missing or unreadable. The message names the file
 * and the fix (retrain).
 *
 * <pre>{@code
 * try {
 *     ModelManifest.verify(directory);
 * } catch (ModelIntegrityException e) {
 *     e.file();          // target/cnn/mnist-cnn/parameters.params
 *     e.getMessage();    // "target/cnn/mnist-cnn/parameters.params does not match ..."
 * }
 * }</pre>
 */
public class ModelIntegrityException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file the file that is not as written
     * @param message what is wrong with it and how to fix it
     */
    public ModelIntegrityException(Path file, String message) {
        super(message);
        this.file = file;
    }

    /** Returns the file that is not as written. */
    public Path file() {
        return file;
    }
}

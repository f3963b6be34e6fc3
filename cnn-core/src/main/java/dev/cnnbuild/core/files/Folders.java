package dev.cnnbuild.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting folders, as the model directory, its staging folders, checkpoints and model copies need.
 *
 * <pre>{@code
 * Folders.deleteRecursively(Path.of("target/cnn/.mnist-cnn.partial")); // nothing happens if it is not there
 * }</pre>
 */
public final class Folders {

    private Folders() {}

    /**
     * Deletes a file or a folder with everything in it; a path that does not exist is left alone.
     *
     * @param path the file or folder
     * @throws IOException if something in it cannot be deleted
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

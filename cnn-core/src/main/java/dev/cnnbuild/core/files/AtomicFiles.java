package dev.cnnbuild.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file or a folder whole or not at all: the content goes to a hidden staging path beside the target,
 * {@code .<name>.partial}, which is then renamed into place. A reader sees the old content or the new one, never
 * half of it; when writing fails, the staging path is removed and the target is left as it was.
 *
 * <pre>{@code
 * AtomicFiles.writeString(Path.of("target/cnn/mnist-cnn/report.html"), html);
 * AtomicFiles.writeFolder(Path.of("target/cnn/mnist-cnn"), staging -> Files.writeString(staging.resolve("a"), "1"));
 * }</pre>
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Something that fills a staging path with content.
     *
     * <pre>{@code
     * AtomicFiles.Content content = staging -> metrics.write(staging);
     * }</pre>
     */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param staging the file to write, or the (existing, empty) folder to fill
         * @throws IOException if writing fails
         */
        void writeTo(Path staging) throws IOException;
    }

    /**
     * Writes a text file, replacing an older one; parent folders are created.
     *
     * @param file the target
     * @param text its new content
     * @return the target
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static Path writeString(Path file, String text) throws IOException {
        return writeFile(file, staging -> Files.writeString(staging, text));
    }

    /**
     * Writes a file, replacing an older one; parent folders are created.
     *
     * @param file the target
     * @param content writes the file it is given
     * @return the target
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static Path writeFile(Path file, Content content) throws IOException {
        Path staging = staging(file);
        Files.createDirectories(staging.getParent());
        try {
            content.writeTo(staging);
            return Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /**
     * Writes a folder, replacing an older one: the older one is set aside, the staged one renamed into place, and
     * only then is the older one deleted. A staging folder left by a killed run is removed first.
     *
     * @param folder the target
     * @param content fills the empty staging folder it is given
     * @return the target
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static Path writeFolder(Path folder, Content content) throws IOException {
        Path staging = staging(folder);
        Files.createDirectories(staging.getParent());
        Folders.deleteRecursively(staging);
        try {
            content.writeTo(Files.createDirectory(staging));
        } catch (IOException | RuntimeException e) {
            Folders.deleteRecursively(staging);
            throw e;
        }
        Path previous = folder.resolveSibling("." + folder.getFileName() + ".previous");
        Folders.deleteRecursively(previous);
        if (Files.exists(folder)) {
            Files.move(folder, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        Folders.deleteRecursively(previous);
        return folder;
    }

    /**
     * Returns the staging path of a target, {@code .<name>.partial} beside it, which a killed run may have left.
     *
     * <pre>{@code
     * Path staging = AtomicFiles.staging(Path.of("target/cnn-cache/pets/train.images"));
     * }</pre>
     *
     * @param target the file or folder being written
     * @return where it is staged
     */
    public static Path staging(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".partial");
    }
}

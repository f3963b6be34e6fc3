package dev.cnnbuild.core.files;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says why a path that should name a regular file does not, without opening it: opening {@code /dev/zero} or a named
 * pipe would never end, and hashing a directory fails with a stack trace. Only the file's metadata is read, so the
 * answer comes at once whatever the path is.
 *
 * <pre>{@code
 * RegularFiles.problem(Path.of("/dev/zero"));   // Optional[is not a regular file (a device, a pipe or a socket)...]
 * RegularFiles.problem(Path.of("data/t10k-images-idx3-ubyte.gz"));   // Optional.empty when it is a readable file
 * }</pre>
 */
public final class RegularFiles {

    private RegularFiles() {}

    /**
     * Returns what is wrong with a path that should be a readable regular file.
     *
     * @param path the path
     * @return empty for a readable regular file (or a symbolic link to one), else the problem, worded to follow
     *     the path in a sentence ("... does not exist; ...")
     */
    public static Optional<String> problem(Path path) {
        if (Files.isRegularFile(path)) {
            return Files.isReadable(path)
                    ? Optional.empty()
                    : Optional.of("cannot be read (no permission); make it readable");
        }
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return Optional.of("is a symbolic link that leads nowhere (its target is missing, or the links form a"
                    + " loop); point it at a file");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("does not exist; check the path");
        }
        if (Files.isDirectory(path)) {
            return Optional.of("is a directory, not a file; name a file inside it");
        }
        return Optional.of("is not a regular file (a device, a pipe or a socket); name a regular file");
    }
}

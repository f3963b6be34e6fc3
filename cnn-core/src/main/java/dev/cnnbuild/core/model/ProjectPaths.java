package dev.cnnbuild.core.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths as a model directory records them: relative to the project, with {@code /} between names, so that a model
 * directory (or a baseline made from it) holds no absolute path and still works when the project is checked out
 * elsewhere, or the directory is moved, zipped or shipped in a jar.
 *
 * <pre>{@code
 * String recorded = ProjectPaths.relative(Path.of("/work/app"), Path.of("/work/app/src/main/cnn/mnist.yaml"));
 * // "src/main/cnn/mnist.yaml"
 * Path file = ProjectPaths.resolve(Path.of("/home/ci/app"), recorded); // /home/ci/app/src/main/cnn/mnist.yaml
 * }</pre>
 */
public final class ProjectPaths {

    private ProjectPaths() {}

    /**
     * Records a file relative to the project.
     *
     * @param project the project's folder
     * @param file the file, absolute or relative to the working directory
     * @return its path relative to the project, {@code /}-separated; {@code ../} leads out of the project
     */
    public static String relative(Path project, Path file) {
        Path from = project.toAbsolutePath().normalize();
        Path to = file.toAbsolutePath().normalize();
        if (from.getRoot() != null && !from.getRoot().equals(to.getRoot())) {
            return to.toString();
        }
        return from.relativize(to).toString().replace(from.getFileSystem().getSeparator(), "/");
    }

    /**
     * Names files by their paths relative to the project, as the fingerprint's {@code file:} inputs and the reasons
     * for retraining name them: {@code data/shapes/circle/1.png}, where the user finds the file.
     *
     * <pre>{@code
     * ProjectPaths.named(Path.of("/work/app"), List.of(Path.of("/work/app/data/shapes/circle/1.png")));
     * // {"data/shapes/circle/1.png" -> /work/app/data/shapes/circle/1.png}
     * }</pre>
     *
     * @param project the project's folder
     * @param files the files
     * @return each file by its {@link #relative} path, in the files' order
     */
    public static Map<String, Path> named(Path project, List<Path> files) {
        Map<String, Path> named = new LinkedHashMap<>();
        files.forEach(file -> named.put(relative(project, file), file));
        return named;
    }

    /**
     * Finds a recorded file in a project.
     *
     * @param project the project's folder
     * @param recorded the path as recorded; an absolute one, as files written before paths were relative hold, is
     *     returned as it is
     * @return the file
     */
    public static Path resolve(Path project, String recorded) {
        return project.toAbsolutePath().resolve(recorded).normalize();
    }
}

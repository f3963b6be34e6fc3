package dev.cnnbuild.runtime;

import dev.cnnbuild.core.model.ModelDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model directory packaged on the class path ({@code cnn/<name>/} in a jar, as the plugin's
 * {@code addToClasspath} or an unpacked {@code cnn-models} zip puts it), copied file by file into a temporary
 * directory so that it is verified and loaded exactly as a directory on disk is; the copy is deleted once loaded.
 *
 * <pre>{@code
 * try (ClasspathModel copy = ClasspathModel.copy("cnn/mnist-cnn", loader)) {
 *     LoadedModel model = LoadedModel.load(copy.directory(), Path.of(""), "auto");
 * }
 * }</pre>
 */
public final class ClasspathModel implements AutoCloseable {
    private final String resource;
    private final Path root;

    private ClasspathModel(String resource, Path root) {
        this.resource = resource;
        this.root = root;
    }

    /**
     * Copies the model files found under a class path folder; files it lacks stay missing, for the manifest check
     * to name.
     *
     * @param resource the folder, such as {@code cnn/mnist-cnn}
     * @param loader the class loader to look in
     * @return the copy; close it to delete it
     * @throws CnnClassifierException if the folder holds no model file at all
     */
    public static ClasspathModel copy(String resource, ClassLoader loader) {
        String folder = resource.replaceAll("^/+|/+$", "");
        List<String> names = new ArrayList<>(ModelDirectory.FILES);
        names.addAll(ModelDirectory.OPTIONAL_FILES);
        names.addAll(listedModules(folder, loader));
        if (names.stream().noneMatch(name -> loader.getResource(folder + "/" + name) != null)) {
            throw new CnnClassifierException("no model on the class path at " + folder + "/ (no "
                    + folder + "/" + ModelDirectory.MANIFEST + " nor any other model file); package the trained model"
                    + " with the plugin's addToClasspath (the jar then holds cnn/<name>/), or depend on the"
                    + " cnn-models zip and unpack it into the class path; or load the model directory from disk with"
                    + " load(path)");
        }
        Path root;
        try {
            root = Files.createTempDirectory("cnn-model-");
        } catch (IOException e) {
            throw new CnnClassifierException(
                    "cannot create a temporary folder to load " + folder + " into: " + e.getMessage(), e);
        }
        ClasspathModel model = new ClasspathModel("classpath:" + folder, root);
        try {
            for (String name : names) {
                try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
                    if (in != null) {
                        Files.copy(in, root.resolve(name));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            model.close();
            throw new CnnClassifierException("cannot copy " + folder + " from the class path: " + e.getMessage(), e);
        }
        return model;
    }

    /**
     * The torchscript modules that the folder's manifest lists, which a class path cannot list by itself; a missing
     * or unreadable manifest lists none, and the manifest check then says why.
     */
    private static List<String> listedModules(String folder, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(folder + "/" + ModelDirectory.MANIFEST)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(line -> line.substring(line.indexOf("  ") + 2))
                    .filter(name -> ModelDirectory.MODULE_FILE.matcher(name).matches())
                    .toList();
        } catch (IOException | IndexOutOfBoundsException e) {
            return List.of();
        }
    }

    /** Returns the copied model directory. */
    public ModelDirectory directory() {
        return ModelDirectory.of(root);
    }

    /** Returns a message about the copy with the copy's path replaced by the resource, such as {@code classpath:cnn/x}. */
    public String named(String message) {
        return message.replace(root.toString(), resource);
    }

    /** Deletes the copy; a file that cannot be deleted now is deleted when the JVM exits. */
    @Override
    public void close() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            root.toFile().deleteOnExit();
            return;
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}

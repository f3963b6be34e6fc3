package dev.cnnbuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The model files a goal works on: the {@code models} the user named, each checked to exist, or else every
 * {@code .yaml} and {@code .yml} file under {@code modelDirectory}, in path order. {@code cnn:train} and
 * {@code cnn:export} take the same files.
 *
 * <pre>{@code
 * List<File> files = ModelFiles.list(models, modelDirectory);   // [src/main/cnn/mnist-cnn.yaml, ...]
 * }</pre>
 */
final class ModelFiles {
    private ModelFiles() {}

    /**
     * Returns the model files to work on.
     *
     * @param models the files the user named; {@code null} or empty for all under {@code modelDirectory}
     * @param modelDirectory where model files are looked for
     * @return the model files; empty when the folder does not exist
     * @throws MojoExecutionException if a named file does not exist or the folder cannot be listed
     */
    static List<File> list(List<File> models, File modelDirectory) throws MojoExecutionException {
        if (models != null && !models.isEmpty()) {
            for (File model : models) {
                if (!model.isFile()) {
                    throw new MojoExecutionException("Model file " + model + " does not exist; fix <models>");
                }
            }
            return models;
        }
        if (!modelDirectory.isDirectory()) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(modelDirectory.toPath())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .map(Path::toFile)
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list " + modelDirectory + ": " + e.getMessage(), e);
        }
    }
}

package dev.cnnbuild.test;

import dev.cnnbuild.core.files.Folders;
import dev.cnnbuild.core.model.ModelDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a model directory: checks that they are all there, and copies them off the class path.
 *
 * <pre>{@code
 * ModelFiles.checkComplete(Path.of("target/cnn/mnist-cnn"), ModelFiles.HOW_TO_TRAIN);
 * Path copy = ModelFiles.copyFromClasspath("cnn/mnist-cnn", loader);
 * }</pre>
 */
final class ModelFiles {
    static final String HOW_TO_TRAIN = "Model directories are written by the goal cnn:train of cnn-maven-plugin,"
            + " which runs in phase process-classes: run 'mvn verify' (or 'mvn process-classes' before running the"
            + " tests from an IDE). The output folder is system property " + CnnModel.OUTPUT_DIRECTORY_PROPERTY
            + ", else " + CnnModel.DEFAULT_OUTPUT_DIRECTORY + " in the working directory.";
    /** The advice for a model directory given by its path: the output folder's settings do not apply to it. */
    static final String HOW_TO_GIVE_A_PATH = "Give the path of a whole model directory, as the goal cnn:train of"
            + " cnn-maven-plugin writes it; a copied or unpacked one needs all of its files.";

    private ModelFiles() {}

    static void checkComplete(Path root, String advice) {
        if (!Files.isDirectory(root)) {
            throw new CnnModelException("No trained model at " + root + ": the directory does not exist. " + advice);
        }
        List<String> missing = ModelDirectory.of(root).missingFiles();
        if (!missing.isEmpty()) {
            throw new CnnModelException("No complete trained model at " + root + ": missing "
                    + String.join(", ", missing) + " (a model directory holds "
                    + String.join(", ", ModelDirectory.FILES) + "). " + advice);
        }
    }

    static Path copyFromClasspath(String resourceFolder, ClassLoader classLoader) {
        String folder = resourceFolder.replaceAll("^/+|/+$", "");
        List<String> missing = new ArrayList<>();
        for (String name : ModelDirectory.FILES) {
            if (classLoader.getResource(folder + "/" + name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty() && BuildSkip.active()) {
            throw BuildSkip.abort("the model of class path folder " + folder + "/ was not trained");
        }
        if (!missing.isEmpty()) {
            throw new CnnModelException("No complete trained model on the class path at " + folder + "/: missing "
                    + String.join(", ", missing) + ". Package a model directory (target/cnn/<name>/) as resources"
                    + " under " + folder + "/, all its files: " + String.join(", ", ModelDirectory.FILES) + ".");
        }
        try {
            Path copy = Files.createTempDirectory("cnn-model-");
            for (String name : ModelDirectory.FILES) {
                try (InputStream in = classLoader.getResourceAsStream(folder + "/" + name)) {
                    Files.copy(in, copy.resolve(name));
                }
            }
            for (String name : ModelDirectory.OPTIONAL_FILES) {
                try (InputStream in = classLoader.getResourceAsStream(folder + "/" + name)) {
                    if (in != null) {
                        Files.copy(in, copy.resolve(name));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model at " + folder + "/ off the class path", e);
        }
    }

    static void deleteCopy(Path copy) {
        try {
            Folders.deleteRecursively(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary model copy " + copy, e);
        }
    }
}

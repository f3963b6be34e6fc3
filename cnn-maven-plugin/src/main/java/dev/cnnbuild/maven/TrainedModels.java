package dev.cnnbuild.maven;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelPackager;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The complete trained model directories a goal works on, or the goal's failure when there is none.
 *
 * <pre>{@code
 * List<ModelDirectory> models = TrainedModels.require(outputDirectory, "to bless", "");
 * // No trained model under /p/target/cnn to bless; run cnn:train first
 * }</pre>
 */
final class TrainedModels {

    private TrainedModels() {}

    /**
     * Lists the complete model directories under {@code outputDirectory}.
     *
     * @param outputDirectory the folder of model directories
     * @param purpose what the goal wants them for, such as {@code "to attach"}
     * @param advice said after {@code run cnn:train first}, such as {@code " (bind it to an earlier phase)"}
     * @return at least one model directory, in name order
     * @throws MojoExecutionException if there is none
     * @throws IOException if the folder cannot be listed
     */
    static List<ModelDirectory> require(File outputDirectory, String purpose, String advice)
            throws MojoExecutionException, IOException {
        List<ModelDirectory> models = ModelPackager.completeModels(outputDirectory.toPath());
        if (models.isEmpty()) {
            throw new MojoExecutionException(
                    "No trained model under " + outputDirectory + " " + purpose + "; run cnn:train first" + advice);
        }
        return models;
    }
}

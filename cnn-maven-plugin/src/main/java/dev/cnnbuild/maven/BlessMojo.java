package dev.cnnbuild.maven;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelIntegrityException;
import dev.cnnbuild.core.model.ModelManifest;
import dev.cnnbuild.core.rules.BaselineWriter;
import dev.cnnbuild.core.service.CheckRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the metrics of every trained model under {@code outputDirectory} as its new baseline,
 * {@code <baselineDirectory>/<name>.metrics.json}, for {@code cnn:check}'s tolerance rules. Run it on purpose,
 * after a model got better and the change is wanted; it is bound to no phase, so no build blesses as a side
 * effect: run {@code mvn cnn:bless}, then commit the file it writes ({@code src/test/cnn/mnist-cnn.metrics.json}).
 * A model directory whose files do not match its manifest is not blessed.
 */
@Mojo(name = "bless", threadSafe = true)
public class BlessMojo extends AbstractCnnMojo {

    /** Where the trained model directories are. */
    @Parameter(property = "cnn.outputDirectory", defaultValue = "${project.build.directory}/cnn")
    private File outputDirectory;

    /** Where baselines are written: {@code <baselineDirectory>/<name>.metrics.json}. */
    @Parameter(property = "cnn.baselineDirectory", defaultValue = "${project.basedir}/src/test/cnn")
    private File baselineDirectory;

    @Override
    protected void executeMojo() throws MojoExecutionException {
        try {
            for (ModelDirectory model : TrainedModels.require(outputDirectory, "to bless", "")) {
                String name = model.root().getFileName().toString();
                ModelManifest.verify(model);
                Path target = baselineDirectory.toPath().resolve(name + CheckRequest.BASELINE_SUFFIX);
                BaselineWriter.bless(model, target);
                getLog().info(String.format(
                        Locale.ROOT, "Blessed %s: its metrics are the new baseline %s", name, target));
            }
        } catch (ModelIntegrityException e) {
            throw new MojoExecutionException(
                    "Cannot bless a model directory that does not match its manifest: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the baseline: " + e.getMessage(), e);
        }
    }
}

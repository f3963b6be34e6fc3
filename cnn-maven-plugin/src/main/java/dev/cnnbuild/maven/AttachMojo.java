package dev.cnnbuild.maven;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelPackager;
import dev.cnnbuild.core.text.Counted;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Zips the trained model directories under {@code outputDirectory} into one archive, one folder per model, and
 * attaches it to the project with a classifier, so that {@code install} and {@code deploy} publish it beside the
 * main artifact and other projects can depend on it. The POM that binds it: docs/goals.md, "cnn:attach".
 */
@Mojo(name = "attach", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class AttachMojo extends AbstractCnnMojo {

    /** Where the model directories are: {@code <outputDirectory>/<name>/}. */
    @Parameter(property = "cnn.outputDirectory", defaultValue = "${project.build.directory}/cnn")
    private File outputDirectory;

    /** The classifier of the attached archive. */
    @Parameter(property = "cnn.classifier", defaultValue = "cnn-models")
    private String classifier;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected void executeMojo() throws MojoExecutionException {
        try {
            List<ModelDirectory> models =
                    TrainedModels.require(outputDirectory, "to attach", " (bind it to an earlier phase)");
            File archive = new File(
                    project.getBuild().getDirectory(), project.getBuild().getFinalName() + "-" + classifier + ".zip");
            ModelPackager.zip(models, archive.toPath());
            projectHelper.attachArtifact(project, "zip", classifier, archive);
            getLog().info("Attached " + Counted.of(models.size(), "model") + " as " + archive.getName());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot zip the models under " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}

package dev.cnnbuild.maven;

import dev.cnnbuild.core.export.ExportException;
import dev.cnnbuild.core.export.PytorchExport;
import dev.cnnbuild.core.model.ProjectPaths;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes every model file as a package for another training engine: with {@code -Dcnn.format=pytorch}, a Python
 * package in {@code target/cnn-export/<name>/pytorch/} whose {@code train.py} trains the same network on the same
 * data under {@code torchrun} (PyTorch DistributedDataParallel, one machine or many) and writes a model directory
 * that {@code cnn:check} gates as one {@code cnn:train} wrote. Bound to no phase: run {@code mvn cnn:export} on
 * purpose. A layer or option that cannot be exported fails the build naming it and the reason; that model's package is not written.
 */
@Mojo(name = "export", threadSafe = true)
public class ExportMojo extends AbstractCnnMojo {

    /** Searched recursively for {@code *.yaml} and {@code *.yml} model files. */
    @Parameter(property = "cnn.modelDirectory", defaultValue = "${project.basedir}/src/main/cnn")
    private File modelDirectory;

    /** Model files to export instead of all under {@code modelDirectory}. */
    @Parameter(property = "cnn.models")
    private List<File> models;

    /** The format to write; {@code pytorch} is the one there is. */
    @Parameter(property = "cnn.format", defaultValue = PytorchExport.FORMAT)
    private String format;

    /** Packages are written to {@code <exportDirectory>/<name>/<format>/}. */
    @Parameter(property = "cnn.exportDirectory", defaultValue = "${project.build.directory}/cnn-export")
    private File exportDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File projectDirectory;

    @Override
    protected void executeMojo() throws MojoExecutionException {
        if (!PytorchExport.FORMAT.equals(format)) {
            throw new MojoExecutionException("cnn:export: format '" + format + "' (<format>, -Dcnn.format) is not"
                    + " known; give -Dcnn.format=" + PytorchExport.FORMAT);
        }
        List<File> files = modelFiles();
        if (files.isEmpty()) {
            getLog().info("No model files (*.yaml, *.yml) in " + modelDirectory + "; nothing to export.");
            return;
        }
        List<CheckedModel> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (File file : files) {
            try {
                checked.add(CheckedModel.read(file.getAbsoluteFile().toPath(), MemoryLimit.machine()));
            } catch (SpecException e) {
                problems.addAll(e.errors());
            }
        }
        Path project = projectDirectory.getAbsoluteFile().toPath();
        List<Path> written = new ArrayList<>();
        for (CheckedModel model : checked) {
            try {
                written.add(PytorchExport.write(model, project, exportDirectory.toPath()));
            } catch (ExportException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                throw new MojoExecutionException(
                        "Cannot write the export of " + model.name() + ": " + e.getMessage(), e);
            }
        }
        for (Path path : written) {
            getLog().info("Exported " + path.getParent().getFileName() + " to " + ProjectPaths.relative(project, path)
                    + "; train it with: torchrun --standalone --nproc_per_node=2 "
                    + ProjectPaths.relative(project, path.resolve("train.py")) + " --output target/cnn-torchrun");
        }
        if (!problems.isEmpty()) {
            problems.forEach(getLog()::error);
            throw new MojoExecutionException("cnn:export: " + problems.size() + " model file problem(s) cannot be"
                    + " exported to " + format + ": " + String.join("; ", problems));
        }
    }

    private List<File> modelFiles() throws MojoExecutionException {
        return ModelFiles.list(models, modelDirectory);
    }
}

package dev.cnnbuild.maven;

import dev.cnnbuild.core.model.ModelPackager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Trains every model file under {@code modelDirectory} (or the {@code models} given) in a forked JVM, with DJL on
 * the PyTorch engine, offline, and writes one model directory per model under {@code outputDirectory}.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.cnnbuild</groupId>
 *   <artifactId>cnn-maven-plugin</artifactId>
 *   <executions>
 *     <execution>
 *       <goals><goal>train</goal></goals>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class TrainMojo extends AbstractCnnMojo {
    static final String MAIN_CLASS = "dev.cnnbuild.core.cli.TrainCommand";
    private static final String ERROR_PREFIX = "ERROR: ";

    /** The folder searched (recursively) for model files, {@code *.yaml} and {@code *.yml}. */
    @Parameter(property = "cnn.modelDirectory", defaultValue = "${project.basedir}/src/main/cnn")
    private File modelDirectory;

    /** Model files to train instead of those found under {@code modelDirectory}. */
    @Parameter(property = "cnn.models")
    private List<File> models;

    /** Where model directories are written: {@code <outputDirectory>/<name>/}. */
    @Parameter(property = "cnn.outputDirectory", defaultValue = "${project.build.directory}/cnn")
    private File outputDirectory;

    /** Overrides every model's {@code training.device}: {@code auto} (CUDA if DJL sees a GPU), {@code cpu}, {@code gpu}. */
    @Parameter(property = "cnn.device")
    private String device;

    /** PyTorch intra-op threads in the forked JVM; defaults to the number of processors. */
    @Parameter(property = "cnn.threads")
    private Integer threads;

    /** Extra options for the forked JVM, separated by spaces, such as {@code -Xmx4g}. */
    @Parameter(property = "cnn.argLine")
    private String argLine;

    /** The java executable of the forked JVM; defaults to the one running Maven. */
    @Parameter(property = "cnn.jvm")
    private File jvm;

    /** Extra environment variables for the forked JVM. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** Where DJL extracts the PyTorch natives; kept outside the project so that {@code mvn clean} keeps it. */
    @Parameter(property = "cnn.djlCacheDirectory", defaultValue = "${user.home}/.djl.ai")
    private File djlCacheDirectory;

    /**
     * Copies every trained model directory to {@code ${project.build.outputDirectory}/cnn/<name>/}, so that the
     * module's jar carries it and other modules can load it from the class path.
     */
    @Parameter(property = "cnn.addToClasspath", defaultValue = "false")
    private boolean addToClasspath;

    /** The class path root that {@code addToClasspath} copies to. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    /** Shows DJL's own logging at INFO level instead of warnings only. */
    @Parameter(property = "cnn.verbose", defaultValue = "false")
    private boolean verbose;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Override
    protected void executeMojo() throws MojoExecutionException {
        List<File> files = modelFiles();
        if (files.isEmpty()) {
            getLog().info("No model files (*.yaml, *.yml) in " + modelDirectory + "; nothing to train.");
            return;
        }
        List<String> arguments = new ArrayList<>(List.of("--output", outputDirectory.getAbsolutePath()));
        if (device != null && !device.isBlank()) {
            arguments.addAll(List.of("--device", device));
        }
        files.forEach(file -> arguments.add(file.getAbsolutePath()));
        getLog().info("Training " + files.size() + " model file(s) in a forked JVM with " + threadCount()
                + " thread(s)");
        runFork(arguments);
        if (addToClasspath) {
            copyToClasspath();
        }
    }

    private void copyToClasspath() throws MojoExecutionException {
        try {
            for (Path copy : ModelPackager.copyToClasspath(ModelPackager.completeModels(outputDirectory.toPath()),
                    classesDirectory.toPath())) {
                getLog().info("Added " + copy + " to the class path");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot copy the models to " + classesDirectory + ": " + e.getMessage(),
                    e);
        }
    }

    private void runFork(List<String> arguments) throws MojoExecutionException {
        List<String> errors = new ArrayList<>();
        int status;
        try {
            status = fork().run(MAIN_CLASS, arguments, line -> getLog().info(line), line -> {
                if (line.startsWith(ERROR_PREFIX)) {
                    errors.add(line.substring(ERROR_PREFIX.length()));
                    getLog().error(line.substring(ERROR_PREFIX.length()));
                } else {
                    getLog().warn(line);
                }
            });
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the training JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while training", e);
        }
        if (status != 0) {
            String reason = errors.isEmpty()
                    ? "the training JVM exited with status " + status + "; see its output above"
                    : String.join("; ", errors);
            throw new MojoExecutionException("Training failed: " + reason);
        }
    }

    private ForkedJvm fork() {
        List<String> options = new ArrayList<>(List.of(
                "-Dai.djl.offline=true",
                "-DDJL_CACHE_DIR=" + djlCacheDirectory.getAbsolutePath(),
                "-Dai.djl.pytorch.num_threads=" + threadCount(),
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + (verbose ? "info" : "warn")));
        if (!verbose) {
            options.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
        }
        if (argLine != null && !argLine.isBlank()) {
            options.addAll(Arrays.asList(argLine.trim().split("\\s+")));
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("OMP_NUM_THREADS", Integer.toString(threadCount()));
        if (environmentVariables != null) {
            environment.putAll(environmentVariables);
        }
        List<File> classpath = pluginArtifacts.stream().map(Artifact::getFile).toList();
        return new ForkedJvm(javaExecutable(), classpath, options, environment);
    }

    private String javaExecutable() {
        if (jvm != null) {
            return jvm.getAbsolutePath();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    private List<File> modelFiles() throws MojoExecutionException {
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

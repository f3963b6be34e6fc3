package dev.cnnbuild.maven;

import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.ParentWatch;
import dev.cnnbuild.maven.natives.NativesResolver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * A goal that does its work in a forked JVM on the plugin's own class path plus the PyTorch natives chosen for the
 * machine ({@code natives}), DJL offline, with the fork's options shared by every such goal. Every parameter is
 * checked before anything is forked ({@link ParameterCheck}), and all wrong ones are reported at once.
 *
 * <pre>{@code
 * int status = runFork(ForkProtocol.CHECK_MAIN_CLASS, arguments, errors::add);
 * }</pre>
 */
public abstract class AbstractForkingMojo extends AbstractCnnMojo {
    /** Where model directories are: {@code <outputDirectory>/<name>/}. */
    @Parameter(property = "cnn.outputDirectory", defaultValue = "${project.build.directory}/cnn")
    protected File outputDirectory;

    /** The project the model directories record their paths relative to. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File projectDirectory;

    /**
     * PyTorch intra-op threads in the forked JVM; defaults to the number of processors divided by the build's
     * thread count ({@code mvn -T}), at least 1, so that modules training in parallel do not share cores.
     */
    @Parameter(property = "cnn.threads")
    private Integer threads;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Extra options for the forked JVM, separated by spaces, such as {@code -Xmx4g}. */
    @Parameter(property = "cnn.argLine")
    private String argLine;

    /** The java executable of the forked JVM; defaults to the one running Maven. */
    @Parameter(property = "cnn.jvm")
    private File jvm;

    /** Extra environment variables for the forked JVM; they override the defaults of {@link ForkTuning}. */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * Gives the forked JVM {@link ForkTuning}'s environment (malloc thresholds and {@code OMP_WAIT_POLICY}) and its
     * JVM options (a bounded young generation).
     */
    @Parameter(property = "cnn.tuning", defaultValue = "true")
    private boolean tuning;

    /** Where DJL extracts the PyTorch natives; kept outside the project so that {@code mvn clean} keeps it. */
    @Parameter(property = "cnn.djlCacheDirectory", defaultValue = "${user.home}/.djl.ai")
    private File djlCacheDirectory;

    /** Shows DJL's own logging at INFO level instead of warnings only. */
    @Parameter(property = "cnn.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * The PyTorch natives of the forked JVM, resolved by Maven from the project's repositories: {@code auto} (CUDA
     * when an NVIDIA GPU with a new enough driver is found, the platform's CPU build otherwise), {@code cpu},
     * {@code cuda}, or the {@code groupId:artifactId:version:classifier} of another build.
     */
    @Parameter(property = "cnn.natives", defaultValue = "auto")
    private String natives;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    private List<RemoteRepository> remoteRepositories;

    @Override
    protected final void executeMojo() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck(goal())
                .atLeastOne("threads", "cnn.threads", threads, "the PyTorch threads of the forked JVM")
                .executable("jvm", "cnn.jvm", jvm)
                .folder("outputDirectory", "cnn.outputDirectory", outputDirectory)
                .folder("djlCacheDirectory", "cnn.djlCacheDirectory", djlCacheDirectory)
                .environment("environmentVariables", environmentVariables);
        checkParameters(check);
        check.failIfAny();
        executeFork();
    }

    /** Returns the goal's name for messages, such as {@code cnn:train}. */
    protected abstract String goal();

    /**
     * Adds the goal's own parameters to the check that runs before anything is forked.
     *
     * @param check the check
     */
    protected abstract void checkParameters(ParameterCheck check);

    /**
     * Does the goal's work, once every parameter has been checked.
     *
     * @throws MojoExecutionException if the build is broken: bad input, a crashed fork
     * @throws MojoFailureException if a quality rule is not met
     */
    protected abstract void executeFork() throws MojoExecutionException, MojoFailureException;

    /** Returns the PyTorch thread count of the fork. */
    protected int threadCount() {
        if (threads != null) {
            return threads;
        }
        int parallelModules = Math.max(1, session.getRequest().getDegreeOfConcurrency());
        return Math.max(1, Runtime.getRuntime().availableProcessors() / parallelModules);
    }

    /**
     * Runs a main class of the core in a forked JVM; its standard output goes to the log as information, its
     * error lines ({@link ForkProtocol#errorMessage}) as errors, other standard error lines to
     * {@code otherErrorLine}.
     *
     * @param mainClass the main class
     * @param arguments its arguments
     * @param otherErrorLine receives standard error lines that are not error lines
     * @return the exit status
     * @throws MojoExecutionException if the JVM cannot start, Maven is interrupted, or the fork reports an error
     */
    protected int runFork(String mainClass, List<String> arguments, Consumer<String> otherErrorLine)
            throws MojoExecutionException {
        List<String> errors = new ArrayList<>();
        int status;
        try {
            status = fork().run(mainClass, arguments, line -> getLog().info(line), line -> {
                Optional<String> error = ForkProtocol.errorMessage(line);
                if (error.isPresent()) {
                    errors.add(error.get());
                    getLog().error(error.get());
                } else {
                    otherErrorLine.accept(line);
                }
            });
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the forked JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the forked JVM ran", e);
        }
        if (!errors.isEmpty()) {
            throw new MojoExecutionException(failure() + ": " + String.join("; ", errors));
        }
        return status;
    }

    /**
     * Fails the build for an exit status the goal does not expect.
     *
     * @param status the fork's exit status
     * @throws MojoExecutionException always
     */
    protected void unexpectedStatus(int status) throws MojoExecutionException {
        throw new MojoExecutionException(
                failure() + ": the forked JVM exited with status " + status + "; see its output above");
    }

    /**
     * Returns the {@code -Dname=value} options a goal passes to its fork, before {@code argLine}.
     *
     * @return the options; none unless a goal overrides this
     */
    protected List<String> forkSystemProperties() {
        return List.of();
    }

    /**
     * Tells whether the fork fits its thread count to the machine's load, and so may let its threads spin briefly
     * while they wait ({@link ForkTuning}).
     *
     * @return {@code false} unless a goal overrides this
     */
    protected boolean adaptsThreads() {
        return false;
    }

    /** Returns the first words of this goal's failure message, such as {@code Training failed}. */
    protected abstract String failure();

    private ForkedJvm fork() throws MojoExecutionException {
        List<String> options = new ArrayList<>(List.of(
                "-Dai.djl.offline=true",
                "-DDJL_CACHE_DIR=" + djlCacheDirectory.getAbsolutePath(),
                "-Dai.djl.pytorch.num_threads=" + threadCount(),
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + (verbose ? "info" : "warn"),
                "-D" + ParentWatch.PARENT_PID_PROPERTY + "="
                        + ProcessHandle.current().pid()));
        if (!verbose) {
            options.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
        }
        options.addAll(forkSystemProperties());
        if (tuning) {
            options.addAll(ForkTuning.jvmOptions());
        }
        if (argLine != null && !argLine.isBlank()) {
            options.addAll(Arrays.asList(argLine.trim().split("\\s+")));
        }
        Map<String, String> environment = new HashMap<>();
        if (tuning) {
            environment.putAll(ForkTuning.environment(threadCount(), adaptsThreads()));
        } else {
            environment.put("OMP_NUM_THREADS", Integer.toString(threadCount()));
        }
        if (environmentVariables != null) {
            environment.putAll(environmentVariables);
        }
        List<File> classpath = new ForkClasspath(
                        pluginArtifacts,
                        new NativesResolver(repositorySystem, repositorySession, remoteRepositories),
                        getLog())
                .build(natives);
        return new ForkedJvm(javaExecutable(), classpath, options, environment);
    }

    private String javaExecutable() {
        if (jvm != null) {
            return jvm.getAbsolutePath();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package dev.cnnbuild.maven;

import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.ForkRequest;
import dev.cnnbuild.core.cli.ForkRequestFile;
import dev.cnnbuild.core.engine.ClassPathNatives;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.threads.ThreadSettings;
import dev.cnnbuild.maven.natives.NativesResolver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * checked before anything is forked ({@link ParameterCheck}), and all wrong ones are reported at once. What the fork
 * is to do travels as one {@link ForkRequest}, written to a file under {@code target/cnn-fork/} for the fork to read
 * ({@link ForkRequestFile}); the fork's environment and JVM options are derived from the same request here.
 *
 * <pre>{@code
 * int status = runFork(new CheckForkRequest(...), violations::add);
 * }</pre>
 */
public abstract class AbstractForkingMojo extends AbstractCnnMojo {
    /** Where model directories are: {@code <outputDirectory>/<name>/}. */
    @Parameter(property = "cnn.outputDirectory", defaultValue = "${project.build.directory}/cnn")
    protected File outputDirectory;

    /** The build's folder; the fork's request file goes to its {@code cnn-fork} folder. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

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

    /** The fork's class path, resolved once per execution. */
    private ForkClasspath.Resolved classpath;

    @Override
    protected final void executeMojo() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck(goal())
                .atLeastOne("threads", "cnn.threads", threads, "the PyTorch threads of the forked JVM")
                .executable("jvm", "cnn.jvm", jvm)
                .folder("outputDirectory", "cnn.outputDirectory", outputDirectory)
                .folder("djlCacheDirectory", "cnn.djlCacheDirectory", djlCacheDirectory)
                .environment("environmentVariables", environmentVariables);
        checkParameters(check);
        check.natives(natives).failIfAny();
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

    /**
     * Returns the fork's PyTorch threads, which do not adapt unless a goal overrides this.
     *
     * @return the settings
     */
    protected ThreadSettings threadSettings() {
        return ThreadSettings.fixed(threadCount());
    }

    /** Returns the PyTorch thread count of the fork. */
    protected int threadCount() {
        if (threads != null) {
            return threads;
        }
        int parallelModules = Math.max(1, session.getRequest().getDegreeOfConcurrency());
        return Math.max(1, Runtime.getRuntime().availableProcessors() / parallelModules);
    }

    /**
     * Returns this process's id, for the fork to watch and end with ({@code ParentWatch}).
     *
     * @return the id
     */
    protected static OptionalLong mavenPid() {
        return OptionalLong.of(ProcessHandle.current().pid());
    }

    /**
     * Returns the natives on the fork's class path as their jar describes them, resolving the class path if it is not
     * yet; empty where the fork's environment or options make DJL load other natives ({@link
     * ClassPathNatives#OVERRIDES}), or the jar does not tell.
     *
     * @return the natives
     * @throws MojoExecutionException if the natives cannot be chosen or resolved
     */
    protected Optional<ClassPathNatives> forkNatives() throws MojoExecutionException {
        boolean overridden = ClassPathNatives.OVERRIDES.stream()
                .anyMatch(name -> System.getenv(name) != null
                        || environmentVariables != null && environmentVariables.containsKey(name)
                        || argLine != null && argLine.contains("-D" + name + "="));
        return overridden
                ? Optional.empty()
                : ClassPathNatives.inJar(resolvedClasspath().natives().toPath());
    }

    /**
     * Runs a request in a forked JVM: writes it to a file under {@code target/cnn-fork/}, starts the request's main
     * class with {@code --request FILE}, and deletes the file when the fork has ended. The fork's standard output goes
     * to the log as information, its error lines ({@link ForkProtocol#errorMessage}) as errors, other standard error
     * lines to {@code otherErrorLine}.
     *
     * @param request what the fork is to do
     * @param otherErrorLine receives standard error lines that are not error lines
     * @return the exit status
     * @throws MojoExecutionException if the request cannot be written, the JVM cannot start, Maven is interrupted,
     *     or the fork reports an error
     */
    protected int runFork(ForkRequest request, Consumer<String> otherErrorLine) throws MojoExecutionException {
        Path folder = buildDirectory.toPath().resolve("cnn-fork");
        Path file;
        try {
            file = ForkRequestFile.write(request, folder);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the fork's request to " + folder + ": " + e, e);
        }
        List<String> errors = new ArrayList<>();
        int status;
        try {
            status = fork(request)
                    .run(
                            request.mainClass(),
                            List.of(ForkProtocol.REQUEST_OPTION, file.toString()),
                            line -> getLog().info(line),
                            line -> {
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
        } finally {
            deleteQuietly(file);
        }
        if (!errors.isEmpty()) {
            throw new MojoExecutionException(failure() + ": " + String.join("; ", errors));
        }
        return status;
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            getLog().debug("Cannot delete the fork's request file " + file + ": " + e);
        }
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

    /** Returns the first words of this goal's failure message, such as {@code Training failed}. */
    protected abstract String failure();

    /**
     * Returns the fork's JVM: its options and environment, derived from the request's threads and this goal's
     * parameters in this one place.
     */
    private ForkedJvm fork(ForkRequest request) throws MojoExecutionException {
        ThreadSettings threads = request.threads();
        List<String> options = new ArrayList<>(List.of(
                "-Dai.djl.offline=true",
                "-DDJL_CACHE_DIR=" + djlCacheDirectory.getAbsolutePath(),
                "-Dai.djl.pytorch.num_threads=" + threads.count(),
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + (verbose ? "info" : "warn")));
        if (!verbose) {
            options.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
        }
        if (JavaRelease.knowsNativeAccess(jvm)) {
            options.add(JavaRelease.ENABLE_NATIVE_ACCESS);
        }
        if (tuning) {
            options.addAll(ForkTuning.jvmOptions());
        }
        if (argLine != null && !argLine.isBlank()) {
            options.addAll(Arrays.asList(argLine.trim().split("\\s+")));
        }
        Map<String, String> environment = new HashMap<>();
        if (tuning) {
            environment.putAll(ForkTuning.environment(threads));
        } else {
            environment.put("OMP_NUM_THREADS", Integer.toString(threads.count()));
        }
        if (environmentVariables != null) {
            environment.putAll(environmentVariables);
        }
        return new ForkedJvm(javaExecutable(), resolvedClasspath().entries(), options, environment);
    }

    /**
     * Returns the PyTorch natives chosen for this machine by {@code natives}, resolved once per execution with the
     * fork's class path; the first call logs which and why.
     *
     * @return the natives jar
     * @throws MojoExecutionException if they cannot be chosen or resolved; the message says why and the fix
     */
    protected final File nativesJar() throws MojoExecutionException {
        return resolvedClasspath().natives();
    }

    /**
     * Resolves the module artifacts the model files' torchscript layers name, through Maven's resolver and the
     * project's repositories ({@link ModuleArtifactResolver}).
     *
     * @param modelFiles the model files
     * @return the resolved files by coordinates
     * @throws MojoExecutionException naming every artifact that cannot be resolved, where it is written and the fix
     */
    protected final ModuleArtifacts moduleArtifacts(List<Path> modelFiles) throws MojoExecutionException {
        return new ModuleArtifactResolver(
                        repositorySystem,
                        repositorySession,
                        remoteRepositories,
                        projectDirectory.getAbsoluteFile().toPath(),
                        getLog())
                .resolve(modelFiles);
    }

    private ForkClasspath.Resolved resolvedClasspath() throws MojoExecutionException {
        if (classpath == null) {
            classpath = new ForkClasspath(
                            pluginArtifacts,
                            new NativesResolver(repositorySystem, repositorySession, remoteRepositories),
                            getLog())
                    .build(natives);
        }
        return classpath;
    }

    private String javaExecutable() {
        if (jvm != null) {
            return jvm.getAbsolutePath();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

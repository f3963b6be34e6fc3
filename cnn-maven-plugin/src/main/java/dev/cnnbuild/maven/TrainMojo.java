package dev.cnnbuild.maven;

import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.TrainForkRequest;
import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.model.ModelPackager;
import dev.cnnbuild.core.model.ProjectPaths;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.service.PreflightException;
import dev.cnnbuild.core.service.TrainingPreflight;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.text.Counted;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Trains every model file under {@code modelDirectory} (or the {@code models} given) in a forked JVM, with DJL on
 * the PyTorch engine, offline, and writes one model directory per model under {@code outputDirectory}. Before it
 * forks, it reads and checks every model file in Maven's JVM, and holds every rule of the POM's {@code cnn:check}
 * executions against the classes of the models it gates, so a wrong file or a rule for a missing class fails in
 * seconds. The POM that binds it: docs/goals.md, "cnn:train".
 *
 * <p>It also readies the module's test JVMs (surefire's and failsafe's) for the test API, as JaCoCo's
 * {@code prepare-agent} does, through the project properties they read ({@code maven.test.additionalClasspath},
 * {@code argLine}): the same natives as the fork's go on their class path, {@code --enable-native-access=ALL-UNNAMED}
 * into their {@code argLine} where their JVM knows it, and, when the goal is skipped, {@code -Dcnn.skip=true}, so
 * that tests of models it did not train are skipped rather than failed. It does so in a module without model files
 * too, so a module that only tests another module's model declares the same goal.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class TrainMojo extends AbstractForkingMojo {
    private static final String SKIP_PROPERTY = "cnn.skip";
    private static final String NATIVES_GROUP = "ai.djl.pytorch";
    private static final String NATIVES_PREFIX = "pytorch-native-";
    private static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    /** The folder searched (recursively) for model files, {@code *.yaml} and {@code *.yml}. */
    @Parameter(property = "cnn.modelDirectory", defaultValue = "${project.basedir}/src/main/cnn")
    private File modelDirectory;

    /** Model files to train instead of those found under {@code modelDirectory}. */
    @Parameter(property = "cnn.models")
    private List<File> models;

    /**
     * Overrides every model's {@code training.device} (and {@code training.devices}): {@code auto} (the first GPU when
     * the fork has CUDA natives and sees a GPU, the CPU otherwise), {@code cpu}, {@code gpu} or {@code gpu:N}.
     */
    @Parameter(property = "cnn.device")
    private String device;

    /**
     * Overrides every model's {@code training.devices}: how many GPUs train data-parallel, a count or {@code all}.
     */
    @Parameter(property = "cnn.devices")
    private String devices;

    /**
     * Retrains even when a model is up to date, that is when its directory is complete and the fingerprint of its
     * inputs (YAML, data, seed, versions, device type) has not changed; also discards any checkpoint.
     */
    @Parameter(property = "cnn.force", defaultValue = "false")
    private boolean force;

    /**
     * Copies every trained model directory to {@code ${project.build.outputDirectory}/cnn/<name>/}, so that the
     * module's jar carries it and other modules can load it from the class path.
     */
    @Parameter(property = "cnn.addToClasspath", defaultValue = "false")
    private boolean addToClasspath;

    /**
     * The most memory training one model may need, by the estimate made from its shapes before any data is read
     * (parameters and one batch's activations): a size such as {@code 16g} or {@code 512m}. A model above it is
     * refused with the estimate and the limit. Unset, the limit is the machine's physical memory.
     */
    @Parameter(property = MemoryLimit.PROPERTY)
    private String memoryLimit;

    /**
     * Lets a training on the CPU give up one of its threads for every processor other processes keep busy, and take
     * it back when they stop, measured once a second; its threads then spin briefly while they wait
     * ({@code GOMP_SPINCOUNT}), which is fastest on a free machine. Linux only; elsewhere, or with {@code false},
     * the fork keeps {@code threads} threads that sleep while they wait.
     */
    @Parameter(property = "cnn.adaptiveThreads", defaultValue = "true")
    private boolean adaptiveThreads;

    /** The fork's threads and whether they adapt: decided once, from {@code /proc}, when first asked. */
    private ThreadSettings threadSettings;

    /** The class path root that {@code addToClasspath} copies to. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Override
    protected String goal() {
        return "cnn:train";
    }

    @Override
    protected ThreadSettings threadSettings() {
        if (threadSettings == null) {
            threadSettings = ThreadSettings.decide(threadCount(), adaptiveThreads);
        }
        return threadSettings;
    }

    /** The project, whose model holds the {@code cnn:check} executions whose rules are checked before training. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The session, to evaluate property expressions in those executions' rules, and for property {@code jvm}. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession buildSession;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    protected void checkParameters(ParameterCheck check) {
        check.device("device", "cnn.device", device)
                .deviceCount("devices", "cnn.devices", devices)
                .folder("modelDirectory", "cnn.modelDirectory", modelDirectory)
                .memoryLimit("memoryLimit", MemoryLimit.PROPERTY, memoryLimit);
        for (CheckExecution execution : checkExecutions()) {
            check.rules("<rules> of cnn:check execution '" + execution.id() + "'", execution.rules());
        }
    }

    @Override
    protected void executeFork() throws MojoExecutionException {
        prepareTestJvm();
        List<File> files = modelFiles();
        if (files.isEmpty()) {
            getLog().info("No model files (*.yaml, *.yml) in " + modelDirectory + "; nothing to train.");
            return;
        }
        List<Path> modelFiles =
                files.stream().map(file -> file.getAbsoluteFile().toPath()).toList();
        ModuleArtifacts artifacts = moduleArtifacts(modelFiles);
        TrainForkRequest request = new TrainForkRequest(
                modelFiles,
                outputDirectory.getAbsoluteFile().toPath(),
                projectDirectory.getAbsoluteFile().toPath(),
                isSet(device) ? Optional.of(DeviceChoice.parse(device)) : Optional.empty(),
                isSet(devices) ? Optional.of(DeviceChoice.parseDevices(devices)) : Optional.empty(),
                force,
                threadSettings(),
                memoryLimit(),
                forkNatives(),
                mavenPid(),
                artifacts);
        checkBeforeForking(request);
        ThreadSettings threads = request.threads();
        getLog().info("Training " + Counted.of(files.size(), "model file") + " in a forked JVM with "
                + Counted.of(threads.count(), "thread")
                + (threads.adaptive() ? ", fewer while other processes keep the processors busy" : ""));
        int status = runFork(request, line -> getLog().warn(line));
        if (status != ForkProtocol.SUCCESS) {
            unexpectedStatus(status);
        }
        if (addToClasspath) {
            copyToClasspath();
        }
    }

    /**
     * Reads and checks every model file in Maven's JVM, then every rule of the POM's {@code cnn:check} executions
     * against the classes of the models it gates, so a wrong model file or a rule for a class that does not exist
     * fails the build before any JVM is forked or any model trains.
     */
    private void checkBeforeForking(TrainForkRequest request) throws MojoExecutionException {
        TrainingPreflight preflight;
        try {
            preflight = TrainingPreflight.validate(request.trainingRequests());
        } catch (PreflightException e) {
            e.problems().forEach(getLog()::error);
            throw new MojoExecutionException(failure() + ": " + String.join("; ", e.problems()));
        }
        List<String> problems = new ArrayList<>();
        List<CheckExecution> executions = checkExecutions();
        for (CheckedModel model : preflight.models()) {
            List<CheckExecution> gating = executions.stream()
                    .filter(execution -> execution.covers(model.name()))
                    .toList();
            if (gating.isEmpty()) {
                continue;
            }
            Optional<ClassNames> classes = TrainingPreflight.classNames(model);
            if (classes.isPresent()) {
                String shown = "model " + model.name() + " ("
                        + ProjectPaths.relative(
                                projectDirectory.toPath(), model.spec().source()) + ")";
                gating.forEach(execution -> unknownClasses(execution, classes.get(), shown, problems));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(getLog()::error);
            throw new MojoExecutionException("Invalid rule" + (problems.size() == 1 ? "" : "s")
                    + " of cnn:check, found before training: " + String.join("; ", problems));
        }
    }

    private static void unknownClasses(
            CheckExecution execution, ClassNames classes, String model, List<String> problems) {
        for (int i = 0; i < execution.rules().size(); i++) {
            RuleConfig rule = execution.rules().get(i);
            try {
                int number = i + 1;
                rule.toRule()
                        .unknownClass(classes, model)
                        .ifPresent(problem -> problems.add("rule " + number + " of cnn:check execution '"
                                + execution.id() + "' (" + rule + ") " + problem + "; fix the rule's <label>"));
            } catch (RuleException e) {
                throw new IllegalStateException("rule checked before: " + rule, e);
            }
        }
    }

    /** The rules of this POM's {@code cnn:check} executions, with their property expressions evaluated. */
    private List<CheckExecution> checkExecutions() {
        String key = mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        PluginParameterExpressionEvaluator evaluator =
                new PluginParameterExpressionEvaluator(buildSession, mojoExecution);
        return CheckExecution.of(project.getPlugin(key), text -> {
            try {
                Object value = evaluator.evaluate(text);
                return value == null ? null : value.toString();
            } catch (ExpressionEvaluationException e) {
                return text;
            }
        });
    }

    /** The limit, which {@link ParameterCheck#memoryLimit} has checked. */
    private MemoryLimit memoryLimit() {
        return isSet(memoryLimit) ? MemoryLimit.parse(memoryLimit) : MemoryLimit.machine();
    }

    private static boolean isSet(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    @Override
    protected String failure() {
        return "Training failed";
    }

    @Override
    protected void whenSkipped() {
        new TestJvmHandOff(project, getLog()).addJvmOption("-D" + SKIP_PROPERTY + "=true");
    }

    /** Hands the test JVMs the fork's natives and, where their JVM knows it, native access without a warning. */
    private void prepareTestJvm() throws MojoExecutionException {
        TestJvmHandOff handOff = new TestJvmHandOff(project, getLog());
        Optional<Dependency> declared = project.getDependencies().stream()
                .filter(d -> NATIVES_GROUP.equals(d.getGroupId())
                        && d.getArtifactId().startsWith(NATIVES_PREFIX))
                .findFirst();
        if (declared.isPresent()) {
            getLog().info("Test JVM keeps the PyTorch natives the POM declares ("
                    + declared.get().getManagementKey()
                    + "); remove that dependency to test with the natives chosen for this machine");
        } else {
            handOff.addToClasspath(nativesJar());
        }
        if (JavaRelease.knowsNativeAccess(testJvm())) {
            handOff.addJvmOption(JavaRelease.ENABLE_NATIVE_ACCESS);
        }
    }

    /**
     * Returns the {@code java} of surefire's test JVM: its {@code jvm} parameter (configured, or property
     * {@code jvm}); null for the JVM running Maven.
     */
    private File testJvm() {
        Plugin surefire = project.getPlugin(SUREFIRE);
        if (surefire != null && surefire.getConfiguration() instanceof Xpp3Dom configuration) {
            Xpp3Dom jvm = configuration.getChild("jvm");
            if (jvm != null && jvm.getValue() != null && !jvm.getValue().isBlank()) {
                return new File(jvm.getValue().trim());
            }
        }
        String property = buildSession
                .getUserProperties()
                .getProperty("jvm", project.getProperties().getProperty("jvm", ""));
        return property.isBlank() ? null : new File(property.trim());
    }

    private void copyToClasspath() throws MojoExecutionException {
        try {
            for (Path copy : ModelPackager.copyToClasspath(
                    ModelPackager.completeModels(outputDirectory.toPath()), classesDirectory.toPath())) {
                getLog().info("Added " + copy + " to the class path");
            }
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot copy the models to " + classesDirectory + ": " + e.getMessage(), e);
        }
    }

    private List<File> modelFiles() throws MojoExecutionException {
        return ModelFiles.list(models, modelDirectory);
    }
}

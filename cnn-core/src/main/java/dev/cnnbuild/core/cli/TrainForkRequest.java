package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.engine.ClassPathNatives;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * What {@code cnn:train} tells its fork ({@link TrainCommand}): the model files, where the model directories go, the
 * project, the device and device count that override the model files', whether to retrain up-to-date models, the
 * threads, the memory limit (parsed in Maven's JVM), the natives Maven chose (so the fork need not read them from its
 * class path again), the process to watch and the files Maven resolved the torchscript layers' artifacts to. New
 * fields go here, in {@link ForkRequestFile} (one key each) and in
 * its round-trip test.
 *
 * <pre>{@code
 * TrainForkRequest request = TrainForkRequest.of(Path.of("target/cnn"), List.of(Path.of("src/main/cnn/mnist.yaml")))
 *         .withForce(true);
 * int status = TrainCommand.run(request, System.out, System.err);
 * }</pre>
 *
 * @param modelFiles the YAML model files, at least one
 * @param outputDirectory the folder that holds model directories
 * @param projectDirectory the project that {@code metrics.json} records model files relative to
 * @param device the device to train every model on instead of its file's, if given
 * @param devices the device count instead of the files' {@code training.devices}, if given
 * @param force retrain even up-to-date models, and discard checkpoints
 * @param threads PyTorch's intra-op threads and whether they adapt
 * @param memoryLimit the most memory one model's training may need by its estimate
 * @param natives the natives on the fork's class path, as {@link ClassPathNatives} tells them; empty where only the
 *     engine's load can tell
 * @param parentPid the process the fork ends with, if any
 * @param artifacts the files Maven resolved the model files' module artifacts to, by their coordinates
 */
public record TrainForkRequest(
        List<Path> modelFiles,
        Path outputDirectory,
        Path projectDirectory,
        Optional<DeviceChoice> device,
        Optional<Integer> devices,
        boolean force,
        ThreadSettings threads,
        MemoryLimit memoryLimit,
        Optional<ClassPathNatives> natives,
        OptionalLong parentPid,
        ModuleArtifacts artifacts)
        implements ForkRequest {

    /**
     * Copies the list.
     *
     * @throws IllegalArgumentException if there is no model file
     */
    public TrainForkRequest {
        modelFiles = List.copyOf(modelFiles);
        if (modelFiles.isEmpty()) {
            throw new IllegalArgumentException("a training fork needs at least one model file");
        }
    }

    /**
     * A request for model files in the working directory's project, on their own devices, with the defaults of
     * {@link TrainingRequest#of}, watching no process.
     *
     * @param outputDirectory the folder that holds model directories
     * @param modelFiles the model files
     * @return the request
     */
    public static TrainForkRequest of(Path outputDirectory, List<Path> modelFiles) {
        // the settings' own model file is set aside: each of modelFiles takes its place
        return of(modelFiles, TrainingRequest.of(Path.of(""), outputDirectory), OptionalLong.empty());
    }

    /** Returns this request with {@code force} set as given. */
    public TrainForkRequest withForce(boolean retrain) {
        return with(settings -> settings.withForce(retrain));
    }

    /** Returns this request with the project given. */
    public TrainForkRequest withProject(Path project) {
        return with(settings -> settings.withProject(project));
    }

    /** Returns this request with the device (and device count) given. */
    public TrainForkRequest withDevice(DeviceChoice choice, Optional<Integer> count) {
        return with(settings -> settings.withDevice(choice, count));
    }

    /** Returns this request with the threads given. */
    public TrainForkRequest withThreads(ThreadSettings settings) {
        return with(request -> request.withThreads(settings));
    }

    /** Returns this request with the memory limit given. */
    public TrainForkRequest withMemoryLimit(MemoryLimit limit) {
        return with(settings -> settings.withMemoryLimit(limit));
    }

    /** Returns this request with the files the model files' module artifacts were resolved to. */
    public TrainForkRequest withArtifacts(ModuleArtifacts resolved) {
        return with(settings -> settings.withArtifacts(resolved));
    }

    /** Returns one {@link TrainingRequest} per model file, in order. */
    public List<TrainingRequest> trainingRequests() {
        return modelFiles.stream().map(this::trainingRequest).toList();
    }

    private TrainingRequest trainingRequest(Path modelFile) {
        return new TrainingRequest(
                modelFile,
                outputDirectory,
                projectDirectory,
                device,
                devices,
                force,
                threads,
                memoryLimit,
                natives,
                artifacts);
    }

    /** This request with its settings, those every model file trains with, changed. */
    private TrainForkRequest with(UnaryOperator<TrainingRequest> change) {
        return of(modelFiles, change.apply(trainingRequest(modelFiles.get(0))), parentPid);
    }

    /** A request for model files that train with the settings of {@code settings}, except its model file. */
    private static TrainForkRequest of(List<Path> modelFiles, TrainingRequest settings, OptionalLong parentPid) {
        return new TrainForkRequest(
                modelFiles,
                settings.outputDirectory(),
                settings.projectDirectory(),
                settings.device(),
                settings.devices(),
                settings.force(),
                settings.threads(),
                settings.memoryLimit(),
                settings.natives(),
                parentPid,
                settings.artifacts());
    }

    @Override
    public String mainClass() {
        return ForkProtocol.TRAIN_MAIN_CLASS;
    }

    @Override
    public String goal() {
        return "train";
    }
}

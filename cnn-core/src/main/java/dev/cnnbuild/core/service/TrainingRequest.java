package dev.cnnbuild.core.service;

import dev.cnnbuild.core.engine.ClassPathNatives;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to train: one model file, where its model directory goes, the project its paths are recorded relative to,
 * an optional device (and device count) that overrides the file's {@code training.device}, whether to retrain an
 * up-to-date model, the threads PyTorch runs with (and whether they adapt to the machine's load), the memory limit
 * the model's estimate is held to, and the natives the engine will load, where they are known without loading it.
 *
 * <pre>{@code
 * TrainingRequest request = TrainingRequest.of(Path.of("src/main/cnn/mnist.yaml"), Path.of("target/cnn"))
 *         .withForce(true);
 * }</pre>
 *
 * @param modelFile the YAML model file
 * @param outputDirectory the folder that holds model directories, such as {@code target/cnn}
 * @param projectDirectory the project; {@code metrics.json} records the model file relative to it
 * @param device the device to train on instead of the file's choice, if any
 * @param devices how many devices to train on instead of the file's {@code training.devices}, if given
 *     ({@link DeviceChoice#ALL_DEVICES} for all)
 * @param force retrain even when the model is up to date, and discard any checkpoint
 * @param threads PyTorch's intra-op threads, and whether a training on the CPU gives some up while other processes
 *     keep the processors busy ({@link dev.cnnbuild.core.threads.AdaptiveThreads})
 * @param memoryLimit the most memory training may need by the model's estimate
 * @param natives the natives the engine will load, as {@link ClassPathNatives} tells them; empty where only the
 *     engine's load can tell
 * @param artifacts the files the build resolved the model file's module artifacts to; without Maven none, and a
 *     torchscript layer that names an artifact then cannot train
 */
public record TrainingRequest(
        Path modelFile,
        Path outputDirectory,
        Path projectDirectory,
        Optional<DeviceChoice> device,
        Optional<Integer> devices,
        boolean force,
        ThreadSettings threads,
        MemoryLimit memoryLimit,
        Optional<ClassPathNatives> natives,
        ModuleArtifacts artifacts) {

    /**
     * A request in the current working directory's project, on the file's own device, without forcing, with as
     * many threads as processors that do not adapt, the machine's memory as the limit, and the natives of this JVM's
     * class path.
     *
     * @param modelFile the YAML model file
     * @param outputDirectory the folder that holds model directories
     * @return the request
     */
    public static TrainingRequest of(Path modelFile, Path outputDirectory) {
        return new TrainingRequest(
                modelFile,
                outputDirectory,
                Path.of(""),
                Optional.empty(),
                Optional.empty(),
                false,
                ThreadSettings.fixed(Runtime.getRuntime().availableProcessors()),
                MemoryLimit.machine(),
                ClassPathNatives.find(),
                ModuleArtifacts.none());
    }

    /** Returns this request with {@code force} set as given. */
    public TrainingRequest withForce(boolean retrain) {
        return new TrainingRequest(
                modelFile,
                outputDirectory,
                projectDirectory,
                device,
                devices,
                retrain,
                threads,
                memoryLimit,
                natives,
                artifacts);
    }

    /** Returns this request with {@code memoryLimit} set as given. */
    public TrainingRequest withMemoryLimit(MemoryLimit limit) {
        return new TrainingRequest(
                modelFile,
                outputDirectory,
                projectDirectory,
                device,
                devices,
                force,
                threads,
                limit,
                natives,
                artifacts);
    }

    /** Returns this request with the files its module artifacts were resolved to. */
    public TrainingRequest withArtifacts(ModuleArtifacts resolved) {
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
                resolved);
    }

    /** Returns this request with {@code threads} set as given. */
    public TrainingRequest withThreads(ThreadSettings settings) {
        return new TrainingRequest(
                modelFile,
                outputDirectory,
                projectDirectory,
                device,
                devices,
                force,
                settings,
                memoryLimit,
                natives,
                artifacts);
    }

    /** Returns this request with the project given. */
    public TrainingRequest withProject(Path project) {
        return new TrainingRequest(
                modelFile, outputDirectory, project, device, devices, force, threads, memoryLimit, natives, artifacts);
    }

    /** Returns this request with the device (and device count) given. */
    public TrainingRequest withDevice(DeviceChoice choice, Optional<Integer> count) {
        return new TrainingRequest(
                modelFile,
                outputDirectory,
                projectDirectory,
                Optional.of(choice),
                count,
                force,
                threads,
                memoryLimit,
                natives,
                artifacts);
    }
}

package dev.cnnbuild.core.service;

import dev.cnnbuild.core.spec.DeviceChoice;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to train: one model file, where its model directory goes, the project its paths are recorded relative to,
 * an optional device (and device count) that overrides the file's {@code training.device}, whether to retrain an up-to-date model,
 * and whether a training on the CPU fits its thread count to the machine's load.
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
 * @param adaptThreads let a training on the CPU give up threads while other processes keep the processors busy
 *     ({@link dev.cnnbuild.core.threads.AdaptiveThreads})
 */
public record TrainingRequest(
        Path modelFile,
        Path outputDirectory,
        Path projectDirectory,
        Optional<DeviceChoice> device,
        Optional<Integer> devices,
        boolean force,
        boolean adaptThreads) {

    /**
     * A request in the current working directory's project, on the file's own device, without forcing.
     *
     * @param modelFile the YAML model file
     * @param outputDirectory the folder that holds model directories
     * @return the request
     */
    public static TrainingRequest of(Path modelFile, Path outputDirectory) {
        return new TrainingRequest(
                modelFile, outputDirectory, Path.of(""), Optional.empty(), Optional.empty(), false, false);
    }

    /** Returns this request with {@code force} set as given. */
    public TrainingRequest withForce(boolean retrain) {
        return new TrainingRequest(
                modelFile, outputDirectory, projectDirectory, device, devices, retrain, adaptThreads);
    }

    /** Returns this request with {@code adaptThreads} set as given. */
    public TrainingRequest withAdaptThreads(boolean adapt) {
        return new TrainingRequest(modelFile, outputDirectory, projectDirectory, device, devices, force, adapt);
    }
}

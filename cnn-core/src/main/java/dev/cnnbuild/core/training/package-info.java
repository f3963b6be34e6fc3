/**
 * Trains a network from its spec: the epoch loop ({@link dev.cnnbuild.core.training.ModelTrainer}, whose epochs
 * {@code EpochLoop} trains), and what follows from each batch and epoch as listeners of that loop in the style of
 * DJL's {@code TrainingListener} ({@code LoopListener}: the divergence check, adaptive threads, early stopping,
 * checkpoints that let a killed run resume where it stopped, progress events); the device choice, the per-epoch
 * history, the validation split; the PyTorch
 * engine's load on a thread of its own ({@link dev.cnnbuild.core.training.EngineLoader}), and what its natives are
 * without loading them ({@link dev.cnnbuild.core.training.ClassPathNatives}).
 *
 * <pre>{@code
 * try (TrainedNetwork trained = ModelTrainer.builder().setSpec(spec).optListener(printer)
 *         .optCheckpoints(CheckpointStore.beside(Path.of("target/cnn"), spec.name()), fingerprint.value())
 *         .build()
 *         .train(trainSet, testSet)) {
 *     trained.history();
 * }
 * }</pre>
 */
package dev.cnnbuild.core.training;

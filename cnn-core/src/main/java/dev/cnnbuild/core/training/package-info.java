/**
 * Trains a network from its spec: the epoch loop ({@link dev.cnnbuild.core.training.ModelTrainer}, whose epochs
 * {@code EpochLoop} trains), and what follows from each batch and epoch as listeners of that loop in the style of
 * DJL's {@code TrainingListener} ({@code LoopListener}: the divergence check, adaptive threads, early stopping,
 * checkpoints that let a killed run resume where it stopped, progress events); the per-epoch history, the
 * validation split and augmentation. The engine and the devices are the {@code engine} package's.
 *
 * <pre>{@code
 * try (TrainedNetwork trained = ModelTrainer.builder().setModel(model).optListener(printer)
 *         .optCheckpoints(CheckpointStore.beside(Path.of("target/cnn"), model.name()), fingerprint.value())
 *         .build()
 *         .train(trainSet, testSet)) {
 *     trained.history();
 * }
 * }</pre>
 */
package dev.cnnbuild.core.training;

/**
 * Trains a network from its spec: the epoch loop, the device choice, progress events, the per-epoch history, the
 * validation split, early stopping, and checkpoints that let a killed run resume where it stopped; the PyTorch
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

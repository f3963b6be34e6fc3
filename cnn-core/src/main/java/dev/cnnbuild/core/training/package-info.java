/**
 * Trains a network from its spec: the epoch loop, the device choice, progress events and the per-epoch history.
 *
 * <pre>{@code
 * try (TrainedNetwork trained = ModelTrainer.builder().setSpec(spec).optListener(printer).build()
 *         .train(trainSet, testSet)) {
 *     trained.history();
 * }
 * }</pre>
 */
package dev.cnnbuild.core.training;

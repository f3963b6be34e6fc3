/**
 * Optimizers whose whole state can be saved with a checkpoint and restored, so that a resumed training run takes
 * exactly the steps an uninterrupted one would.
 *
 * <p>DJL's {@code Adam} and {@code Sgd} keep their moments and step counts in private fields. The optimizers here
 * call the very same engine kernels ({@code NDArrayEx.adamUpdate} and {@code sgdUpdate}) with the very same
 * arguments, so they train bit for bit as DJL's do, but they own their state.
 *
 * <pre>{@code
 * ResumableOptimizer optimizer = ResumableOptimizer.of(spec.training().optimizer(), 0);
 * DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
 * // ... train, then:
 * NDList state = optimizer.exportState(network.getParameters());
 * }</pre>
 */
package dev.cnnbuild.core.optimizer;

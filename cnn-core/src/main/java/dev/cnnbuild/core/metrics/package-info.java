/**
 * The figures, in one home: a model's {@code metrics.json} ({@link dev.cnnbuild.core.metrics.ModelMetrics}), the
 * final test figures, each epoch's figures and how early stopping ended a run. Training produces them, the model
 * directory stores them, the gate and the report read them; this package depends only on {@code evaluation}.
 *
 * <pre>{@code
 * ModelMetrics metrics = ModelMetrics.read(Path.of("target/cnn/mnist-cnn/metrics.json"));
 * metrics.history().get(0).testAccuracy();
 * }</pre>
 */
package dev.cnnbuild.core.metrics;

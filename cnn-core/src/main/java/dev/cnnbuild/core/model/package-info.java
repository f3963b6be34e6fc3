/**
 * The trained model directory: its layout, the fingerprint of its inputs, and how it is
 * written (whole or not at all) and read back.
 *
 * <pre>{@code
 * ModelDirectory directory = ModelDirectory.of(Path.of("target/cnn/mnist-cnn"));
 * ModelMetrics metrics = ModelMetrics.read(directory.metrics());
 * }</pre>
 */
package dev.cnnbuild.core.model;

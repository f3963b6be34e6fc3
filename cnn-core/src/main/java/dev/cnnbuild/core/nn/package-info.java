/**
 * Builds the DJL network of a model spec, initialised as PyTorch initialises its layers.
 *
 * <pre>{@code
 * SequentialBlock network = NetworkBuilder.build(spec);
 * }</pre>
 */
package dev.cnnbuild.core.nn;

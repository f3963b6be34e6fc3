/**
 * Builds the DJL network of a model from its layers' shapes, initialised as PyTorch initialises its layers.
 *
 * <pre>{@code
 * SequentialBlock network = NetworkBuilder.build(checkedModel.shapes());
 * }</pre>
 */
package dev.cnnbuild.core.nn;

package dev.cnnbuild.core.spec;

/**
 * What {@code data.normalize} asks for: fixed means and standard deviations per channel, or {@code auto}, computed
 * on the training set.
 *
 * <pre>{@code
 * data:
 *   normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}
 * # or
 *   normalize: auto
 * }</pre>
 */
public sealed interface NormalizationSpec permits FixedNormalization, AutoNormalization {}

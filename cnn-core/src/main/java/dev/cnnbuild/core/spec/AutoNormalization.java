package dev.cnnbuild.core.spec;

/**
 * Means and standard deviations per channel computed on the training set (after a {@code testSplit}, before
 * augmentation) and stored in the model directory.
 *
 * <pre>{@code
 * normalize: auto
 * }</pre>
 */
public record AutoNormalization() implements NormalizationSpec {}

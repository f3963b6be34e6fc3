/**
 * Deterministic image perturbations for robustness checks: seeded Gaussian noise and pixel shifts.
 *
 * <pre>{@code
 * ImageSet noisy = GaussianNoise.of(0.1).apply(testSet.images());
 * ImageSet moved = new PixelShift(0, -2).apply(testSet.images());   // two pixels up
 * }</pre>
 */
package dev.cnnbuild.core.robustness;

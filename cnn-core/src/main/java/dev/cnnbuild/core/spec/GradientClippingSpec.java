package dev.cnnbuild.core.spec;

/**
 * Gradient clipping by global norm, as PyTorch's {@code clip_grad_norm_(parameters, max_norm=norm)} called between
 * the backward pass and the optimizer's step: when the L2 norm of all gradients together exceeds {@code norm}, every
 * gradient is scaled by {@code norm / (total + 1e-6)}.
 *
 * <pre>{@code
 * gradientClipping: {norm: 1.0}   # new GradientClippingSpec(1.0)
 * }</pre>
 *
 * @param norm the largest global norm, above 0
 */
public record GradientClippingSpec(double norm) {}

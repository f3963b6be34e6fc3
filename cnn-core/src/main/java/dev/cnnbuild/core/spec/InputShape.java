package dev.cnnbuild.core.spec;

/**
 * The shape of one input image.
 *
 * <pre>{@code
 * input: {channels: 1, height: 28, width: 28}   # new InputShape(1, 28, 28)
 * }</pre>
 *
 * @param channels the number of colour channels, 1 for grey-scale
 * @param height the height in pixels
 * @param width the width in pixels
 */
public record InputShape(int channels, int height, int width) {}

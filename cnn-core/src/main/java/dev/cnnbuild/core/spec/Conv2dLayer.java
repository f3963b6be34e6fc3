package dev.cnnbuild.core.spec;

/**
 * A 2-D convolution with square kernels.
 *
 * <pre>{@code
 * - conv2d: {filters: 16, kernel: 5}                       # stride 1, padding 0
 * - conv2d: {filters: 32, kernel: 3, stride: 1, padding: 1}
 * - conv2d: {filters: 32, kernel: 3, padding: 1, groups: 32, bias: false}   # depthwise, before a batchnorm
 * - conv2d: {filters: 32, kernel: 3, padding: 2, dilation: 2}              # a 5x5 field from 3x3 weights
 * }</pre>
 *
 * @param filters the number of output channels
 * @param kernel the kernel's height and width
 * @param stride the step between kernel positions, 1 unless given
 * @param padding the zeros added on each side of the image, 0 unless given
 * @param dilation the step between the kernel's taps, 1 unless given; the kernel spans
 *     {@code dilation·(kernel − 1) + 1} pixels
 * @param groups the number of groups the channels are split into, each convolved on its own, 1 unless given; it
 *     divides both the input channels and {@code filters}, and equal to the input channels it is a depthwise
 *     convolution
 * @param bias whether the layer adds a learnt bias per filter, true unless given ({@code false} before a
 *     batchnorm, which has its own shift)
 * @param location where the layer is written
 */
public record Conv2dLayer(
        int filters,
        int kernel,
        int stride,
        int padding,
        int dilation,
        int groups,
        boolean bias,
        SourceLocation location)
        implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "conv2d";

    /**
     * A plain convolution: no dilation, one group, with a bias.
     *
     * @param filters the number of output channels
     * @param kernel the kernel's height and width
     * @param stride the step between kernel positions
     * @param padding the zeros added on each side of the image
     * @param location where the layer is written
     */
    public Conv2dLayer(int filters, int kernel, int stride, int padding, SourceLocation location) {
        this(filters, kernel, stride, padding, 1, 1, true, location);
    }

    /**
     * The pixels the kernel spans along each side, its size once dilated.
     *
     * @return {@code dilation·(kernel − 1) + 1}
     */
    public long span() {
        return (long) dilation * (kernel - 1) + 1;
    }

    @Override
    public String type() {
        return TYPE;
    }
}

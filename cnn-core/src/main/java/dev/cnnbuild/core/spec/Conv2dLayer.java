package dev.cnnbuild.core.spec;

/**
 * A 2-D convolution with square kernels.
 *
 * <pre>{@code
 * - conv2d: {filters: 16, kernel: 5}                       # stride 1, padding 0
 * - conv2d: {filters: 32, kernel: 3, stride: 1, padding: 1}
 * }</pre>
 *
 * @param filters the number of output channels
 * @param kernel the kernel's height and width
 * @param stride the step between kernel positions, 1 unless given
 * @param padding the zeros added on each side of the image, 0 unless given
 * @param location where the layer is written
 */
public record Conv2dLayer(int filters, int kernel, int stride, int padding, SourceLocation location)
        implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "conv2d";

    @Override
    public String type() {
        return TYPE;
    }
}

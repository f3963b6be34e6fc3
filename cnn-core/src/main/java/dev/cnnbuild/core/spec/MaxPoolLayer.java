package dev.cnnbuild.core.spec;

/**
 * A 2-D max pooling with square windows; the stride is the kernel size unless given, as in PyTorch.
 *
 * <pre>{@code
 * - maxpool: {kernel: 2}              # stride 2
 * - maxpool: {kernel: 3, stride: 2}
 * }</pre>
 *
 * @param kernel the window's height and width
 * @param stride the step between windows
 * @param location where the layer is written
 */
public record MaxPoolLayer(int kernel, int stride, SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "maxpool";

    @Override
    public String type() {
        return TYPE;
    }
}

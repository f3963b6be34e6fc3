package dev.cnnbuild.core.spec;

/**
 * A 2-D average pooling with square windows; the stride is the kernel size unless given, as in PyTorch.
 *
 * <pre>{@code
 * - avgpool: {kernel: 2}              # stride 2
 * - avgpool: {kernel: 3, stride: 2}
 * }</pre>
 *
 * @param kernel the window's height and width
 * @param stride the step between windows
 * @param location where the layer is written
 */
public record AvgPoolLayer(int kernel, int stride, SourceLocation location) implements LayerSpec {

    /** The layer type in the model file. */
    public static final String TYPE = "avgpool";

    @Override
    public String type() {
        return TYPE;
    }
}

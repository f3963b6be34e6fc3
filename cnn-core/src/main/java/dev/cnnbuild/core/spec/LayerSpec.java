package dev.cnnbuild.core.spec;

/**
 * One entry of the {@code layers} list of a model file.
 *
 * <pre>{@code
 * layers:
 *   - conv2d: {filters: 16, kernel: 5}   # Conv2dLayer
 *   - relu                               # ReluLayer
 * }</pre>
 */
public sealed interface LayerSpec
        permits Conv2dLayer,
                MaxPoolLayer,
                AvgPoolLayer,
                ReluLayer,
                SigmoidLayer,
                TanhLayer,
                FlattenLayer,
                LinearLayer,
                DropoutLayer,
                BatchNormLayer,
                GeluLayer,
                SiluLayer,
                LeakyReluLayer,
                GlobalAvgPoolLayer,
                GlobalMaxPoolLayer,
                TorchScriptLayer,
                ResidualLayer,
                RepeatLayer {

    /**
     * The layer type as written in the model file.
     *
     * @return the YAML key, such as {@code "conv2d"}
     */
    String type();

    /**
     * Where the layer is written.
     *
     * @return the location of the layer's list item
     */
    SourceLocation location();
}

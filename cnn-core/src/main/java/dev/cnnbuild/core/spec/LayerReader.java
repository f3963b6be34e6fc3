package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code layers} list of a model file, one {@link LayerSpec} per item. */
final class LayerReader {

    private static final String WRITE_AS = "'- relu' or '- conv2d: {filters: 16, kernel: 5}'";

    /** Reads the parameters of one layer type. */
    @FunctionalInterface
    private interface LayerType {
        /**
         * Reads one layer's parameters.
         *
         * @param owner the layer in messages, such as {@code "conv2d (layer 3.2)"}
         * @param label the layer's number in messages, such as {@code "3.2"}: the second layer inside layer 3
         */
        LayerSpec read(NamedEntry entry, String owner, String label) throws SpecException;
    }

    /** How the layers of a residual block or a repeat look, in messages. */
    private static final String NESTED_EXAMPLE = "[{conv2d: {filters: 16, kernel: 3, padding: 1}}, batchnorm, relu]";

    private static final Map<String, LayerType> TYPES = layerTypes();

    private LayerReader() {}

    /**
     * Reads the layers in order; a layer that is unknown or badly written is recorded in the model file's
     * {@link SpecErrors} and the next layer is read, so every wrong layer is reported, and every wrong parameter of a
     * convolution or pooling layer, inside residual blocks and repeats too.
     *
     * @throws SpecException if the list is not a list or is empty
     */
    static List<LayerSpec> read(YamlValue layers) throws SpecException {
        return readList(
                layers,
                "",
                "a list of layers such as '- conv2d: {filters: 16, kernel: 5}'",
                "'layers' is empty; add at least one layer, e.g. '- linear: {units: 10}'");
    }

    /**
     * Reads a list of layers, numbering them after {@code prefix}: {@code 1, 2} at the top, {@code 3.1, 3.2} inside
     * layer 3.
     */
    private static List<LayerSpec> readList(YamlValue layers, String prefix, String kind, String whenEmpty)
            throws SpecException {
        List<Node> items = layers.list(kind);
        if (items.isEmpty()) {
            throw SpecException.at(layers.location(), whenEmpty);
        }
        List<LayerSpec> specs = new ArrayList<>();
        SpecErrors errors = layers.errors();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String label = prefix + (i + 1);
            errors.attempt(() -> specs.add(layer(layers, item, label)), false);
        }
        return specs;
    }

    private static LayerSpec layer(YamlValue layers, Node item, String label) throws SpecException {
        NamedEntry entry = NamedEntry.of(layers, item, "layer " + label, WRITE_AS);
        LayerType type = TYPES.get(entry.name());
        if (type == null) {
            throw SpecException.at(
                    entry.nameLocation(),
                    "unknown layer type '" + entry.name() + "' (layer " + label + ")"
                            + Suggestions.unknownWordHint(entry.name(), TYPES.keySet(), "layer types"));
        }
        return type.read(entry, entry.name() + " (layer " + label + ")", label);
    }

    private static Map<String, LayerType> layerTypes() {
        Map<String, LayerType> types = new LinkedHashMap<>();
        types.put(Conv2dLayer.TYPE, LayerReader::conv2d);
        types.put(MaxPoolLayer.TYPE, LayerReader::maxPool);
        types.put(AvgPoolLayer.TYPE, LayerReader::avgPool);
        types.put(ReluLayer.TYPE, parameterless(ReluLayer::new));
        types.put(SigmoidLayer.TYPE, parameterless(SigmoidLayer::new));
        types.put(TanhLayer.TYPE, parameterless(TanhLayer::new));
        types.put(FlattenLayer.TYPE, parameterless(FlattenLayer::new));
        types.put(LinearLayer.TYPE, LayerReader::linear);
        types.put(DropoutLayer.TYPE, LayerReader::dropout);
        types.put(BatchNormLayer.TYPE, parameterless(BatchNormLayer::new));
        types.put(GeluLayer.TYPE, parameterless(GeluLayer::new));
        types.put(SiluLayer.TYPE, parameterless(SiluLayer::new));
        types.put(LeakyReluLayer.TYPE, LayerReader::leakyRelu);
        types.put(GlobalAvgPoolLayer.TYPE, parameterless(GlobalAvgPoolLayer::new));
        types.put(GlobalMaxPoolLayer.TYPE, parameterless(GlobalMaxPoolLayer::new));
        types.put(TorchScriptLayer.TYPE, LayerReader::torchscript);
        types.put(ResidualLayer.TYPE, LayerReader::residual);
        types.put(RepeatLayer.TYPE, LayerReader::repeat);
        return Collections.unmodifiableMap(types);
    }

    private static LayerSpec conv2d(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{filters: 16, kernel: 5}");
        parameters.allowOnly(ModelFileDefinitions.CONV2D);
        SpecErrors errors = parameters.errors();
        int filters = errors.attempt(
                () -> parameters.require("filters", "filters: 16").positiveInt(), 0);
        return new Conv2dLayer(
                Math.max(filters, 1),
                errors.attempt(() -> parameters.require("kernel", "kernel: 5").positiveInt(), 1),
                errors.attempt(() -> parameters.valueOr("stride", 1, YamlValue::positiveInt), 1),
                errors.attempt(() -> parameters.valueOr("padding", 0, YamlValue::nonNegativeInt), 0),
                errors.attempt(() -> parameters.valueOr("dilation", 1, YamlValue::positiveInt), 1),
                errors.attempt(() -> parameters.valueOr("groups", 1, value -> groups(value, filters)), 1),
                errors.attempt(() -> parameters.valueOr("bias", true, YamlValue::bool), true),
                entry.location());
    }

    /** A group count that divides the filters; the input channels are checked by shape inference. */
    private static int groups(YamlValue value, int filters) throws SpecException {
        int groups = value.positiveInt();
        if (filters > 0 && filters % groups != 0) {
            throw SpecException.at(
                    value.location(),
                    value.field() + " is " + groups + ", which does not divide filters " + filters
                            + "; each group needs the same number of filters, so use a divisor of " + filters
                            + " (" + Divisors.near(filters, groups) + ")");
        }
        return groups;
    }

    private static LayerSpec maxPool(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = poolParameters(entry, owner);
        int kernel = poolKernel(parameters);
        return new MaxPoolLayer(kernel, poolStride(parameters, kernel), entry.location());
    }

    private static LayerSpec avgPool(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = poolParameters(entry, owner);
        int kernel = poolKernel(parameters);
        return new AvgPoolLayer(kernel, poolStride(parameters, kernel), entry.location());
    }

    private static YamlMapping poolParameters(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{kernel: 2, stride: 2}");
        parameters.allowOnly(ModelFileDefinitions.POOL);
        return parameters;
    }

    private static int poolKernel(YamlMapping parameters) {
        return parameters
                .errors()
                .attempt(() -> parameters.require("kernel", "kernel: 2").positiveInt(), 1);
    }

    private static int poolStride(YamlMapping parameters, int kernel) {
        return parameters.errors().attempt(() -> parameters.valueOr("stride", kernel, YamlValue::positiveInt), 1);
    }

    private static LayerSpec linear(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{units: 10}");
        parameters.allowOnly(ModelFileDefinitions.LINEAR);
        return new LinearLayer(parameters.require("units", "units: 10").positiveInt(), entry.location());
    }

    private static LayerSpec dropout(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{rate: 0.5}");
        parameters.allowOnly(ModelFileDefinitions.DROPOUT);
        return new DropoutLayer(parameters.valueOr("rate", 0.5, YamlValue::fraction), entry.location());
    }

    private static LayerSpec leakyRelu(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{slope: 0.01}");
        parameters.allowOnly(ModelFileDefinitions.LEAKY_RELU);
        return new LeakyReluLayer(
                parameters.valueOr("slope", LeakyReluLayer.DEFAULT_SLOPE, YamlValue::nonNegativeNumber),
                entry.location());
    }

    private static LayerSpec torchscript(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{file: backbone.pt, output: [512], trainable: false}");
        parameters.allowOnly(ModelFileDefinitions.TORCHSCRIPT);
        SpecErrors errors = parameters.errors();
        Optional<Path> file = errors.attempt(
                () -> parameters.has("file")
                        ? Optional.of(
                                parameters.require("file", "file: backbone.pt").path())
                        : Optional.empty(),
                Optional.empty());
        Optional<ModuleArtifact> artifact = errors.attempt(() -> moduleArtifact(parameters, owner), Optional.empty());
        TensorShape output = errors.attempt(
                () -> outputShape(parameters.require("output", "output: [512]"), owner), TensorShape.of(1));
        int frozenEpochs = errors.attempt(
                () -> frozenEpochs(parameters.require("trainable", "trainable: false")),
                TorchScriptLayer.ALWAYS_FROZEN);
        if (file.isEmpty() && artifact.isEmpty()) {
            if (!parameters.has("file") && !parameters.has("artifact")) {
                errors.add(SpecException.at(
                        parameters.location(),
                        owner + " needs 'file' or 'artifact'; add one, e.g. file: backbone.pt (a module beside the"
                                + " model file) or artifact: 'org.example:backbone:1.0' (a module that cnn:train"
                                + " resolves from Maven's repositories)"));
            }
            file = Optional.of(Path.of("")); // the error is recorded; the layer only stands in for it
        }
        return new TorchScriptLayer(file, artifact, output, frozenEpochs, entry.location());
    }

    /** The {@code artifact} key, parsed, where it is written instead of {@code file}. */
    private static Optional<ModuleArtifact> moduleArtifact(YamlMapping parameters, String owner) throws SpecException {
        if (!parameters.has("artifact")) {
            return Optional.empty();
        }
        YamlValue value = parameters.require("artifact", "artifact: 'org.example:backbone:1.0'");
        if (parameters.has("file")) {
            throw SpecException.at(
                    value.location(),
                    owner + " has both 'file' and 'artifact'; keep one: 'file' for a module beside the model file,"
                            + " or 'artifact' for one that cnn:train resolves from Maven's repositories");
        }
        String text = value.text().strip();
        try {
            return Optional.of(ModuleArtifact.parse(text));
        } catch (IllegalArgumentException e) {
            String hint = text.contains("/") && !text.contains(":")
                    ? "; write ':' between the parts, not '/'"
                    : "; for a module file beside the model file, write 'file' instead";
            throw SpecException.at(
                    value.location(),
                    value.field() + " must be Maven coordinates " + ModuleArtifact.FORM + ", such as"
                            + " org.example:digits-backbone:1.0 or org.example:backbones:1.0:digits, but '" + text
                            + "' is not: " + e.getMessage() + hint);
        }
    }

    private static TensorShape outputShape(YamlValue value, String owner) throws SpecException {
        String example =
                "a list of 1 to 3 whole numbers, the shape of what one image becomes, such as [512]" + " or [64, 4, 4]";
        List<Node> items = value.list(example);
        if (items.isEmpty() || items.size() > 3) {
            throw SpecException.at(
                    value.location(), value.field() + " must be " + example + ", but has " + items.size() + " numbers");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            dims.add(value.sibling(items.get(i), "output[" + i + "]", owner).positiveInt());
        }
        return new TensorShape(dims);
    }

    private static int frozenEpochs(YamlValue value) throws SpecException {
        Node node = value.node();
        if (node instanceof MappingNode) {
            YamlMapping after = value.mapping("{afterEpoch: 3}");
            after.allowOnly(ModelFileDefinitions.AFTER_EPOCH);
            return after.require("afterEpoch", "afterEpoch: 3").positiveInt();
        }
        String text = YamlNodes.scalarText(node);
        if ("false".equals(text)) {
            return TorchScriptLayer.ALWAYS_FROZEN;
        }
        if ("true".equals(text)) {
            return 0;
        }
        throw SpecException.at(
                value.location(),
                value.field() + " must be false (frozen), true (trained) or {afterEpoch: 3} (frozen in epochs 1 to"
                        + " 3, trained after), but was " + YamlNodes.describe(node));
    }

    private static LayerSpec residual(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{layers: " + NESTED_EXAMPLE + "}");
        parameters.allowOnly(ModelFileDefinitions.RESIDUAL);
        SpecErrors errors = parameters.errors();
        ResidualShortcut shortcut = errors.attempt(
                () -> parameters.valueOr(
                        "shortcut",
                        ResidualShortcut.AUTO,
                        value -> value.choice(ResidualShortcut.values(), ResidualShortcut::yamlName)),
                ResidualShortcut.AUTO);
        return new ResidualLayer(nested(parameters, entry.name(), label), shortcut, entry.location());
    }

    private static LayerSpec repeat(NamedEntry entry, String owner, String label) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{times: 2, layers: " + NESTED_EXAMPLE + "}");
        parameters.allowOnly(ModelFileDefinitions.REPEAT);
        int times = parameters
                .errors()
                .attempt(() -> parameters.require("times", "times: 2").intFromTo(1, RepeatLayer.MOST_TIMES), 1);
        return new RepeatLayer(times, nested(parameters, entry.name(), label), entry.location());
    }

    /** The {@code layers} of a residual block or a repeat, numbered {@code 3.1, 3.2} inside layer 3. */
    private static List<LayerSpec> nested(YamlMapping parameters, String type, String label) throws SpecException {
        YamlValue layers = parameters.require("layers", "layers: " + NESTED_EXAMPLE);
        return readList(
                layers,
                label + ".",
                "a list of layers such as " + NESTED_EXAMPLE,
                layers.field() + " is empty; add at least one layer, e.g. layers: " + NESTED_EXAMPLE
                        + ", or remove the " + type);
    }

    private static LayerType parameterless(Function<SourceLocation, LayerSpec> constructor) {
        return (entry, owner, label) -> {
            entry.requireNoParameters(owner, "'- " + entry.name() + "'");
            return constructor.apply(entry.location());
        };
    }
}

package dev.cnnbuild.core.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Every mapping of the model file, its keys and their values' JSON Schemas: the one definition that the readers
 * validate against (their {@code allowOnly} lists) and that {@link ModelFileSchema} publishes.
 */
final class ModelFileDefinitions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final MappingDefinition INPUT = MappingDefinition.of(
            required("channels", integer(1, "channels per pixel: 1 (grey) or 3 (colour)")),
            required("height", integer(1, "rows per image")),
            required("width", integer(1, "columns per image")));

    static final MappingDefinition IDX_FILES = MappingDefinition.of(
            required("images", text("an IDX image file (idx3-ubyte), raw or gzipped, relative to the model file")),
            required("labels", text("an IDX label file (idx1-ubyte), raw or gzipped, relative to the model file")));

    static final MappingDefinition FOLDER_SET = MappingDefinition.of(
            required("dir", text("a folder with one subfolder of images per class, relative to the model file")));

    static final MappingDefinition CSV_SET = MappingDefinition.of(
            required("file", text("a CSV file of path,label rows after a header, relative to the model file")));

    static final MappingDefinition NORMALIZE_FIGURES = MappingDefinition.of(
            required("mean", numbers(0, false, "one mean per input channel, on the [0, 1] pixel scale")),
            required("std", numbers(0, true, "one standard deviation per input channel, above 0")));

    static final MappingDefinition RANDOM_CROP = MappingDefinition.of(
            required("padding", integer(1, "black pixels added on each side before a window is cut")));

    static final MappingDefinition HORIZONTAL_FLIP =
            MappingDefinition.of(optional("probability", number(0, true, "chance of a flip, 0.5 by default")));

    static final MappingDefinition ROTATION =
            MappingDefinition.of(required("degrees", number(0, true, "largest angle either way, at most 45")));

    static final MappingDefinition COLOR_JITTER = MappingDefinition.of(
            optional("brightness", share(false, "largest change of brightness")),
            optional("contrast", share(false, "largest change of contrast")));

    static final List<Named> AUGMENTATIONS = List.of(
            new Named(RandomCropAugmentation.TYPE, RANDOM_CROP),
            new Named(HorizontalFlipAugmentation.TYPE, HORIZONTAL_FLIP),
            new Named(RotationAugmentation.TYPE, ROTATION),
            new Named(ColorJitterAugmentation.TYPE, COLOR_JITTER));

    static final MappingDefinition DATA_IDX = MappingDefinition.of(
            optional("format", words("the data's format; idx is the default", "idx")),
            required("train", mapping(IDX_FILES, "the training set's IDX files")),
            required("test", mapping(IDX_FILES, "the test set's IDX files")),
            optional("classNames", texts("one name per class, in label order")),
            optional("normalize", normalize()),
            optional("augment", augmentations()),
            optional("workers", workers()),
            optional(
                    "cache",
                    described("keep the decompressed copy of a gzipped image file beside the decoded cache (true, the"
                                    + " default) or decompress it into a temporary file each build (false)")
                            .put("type", "boolean")));

    static final MappingDefinition DATA_FOLDER = images(
            "folder", FOLDER_SET, "dir", "one folder of class folders, of which testSplit is held out for testing");

    static final MappingDefinition DATA_CSV =
            images("csv", CSV_SET, "file", "one CSV file, of which testSplit is held out for testing");

    static final MappingDefinition ADAM = MappingDefinition.of(
            optional("learningRate", number(0, true, "step size, 0.001 by default")),
            optional("beta1", number(0, false, "decay of the first moment, 0.9 by default")),
            optional("beta2", number(0, false, "decay of the second moment, 0.999 by default")),
            optional("epsilon", number(0, true, "added to the denominator, 1e-8 by default")),
            optional("weightDecay", number(0, false, "L2 penalty, 0 by default")));

    static final MappingDefinition ADAMW = MappingDefinition.of(
            optional("learningRate", number(0, true, "step size, 0.001 by default")),
            optional("weightDecay", number(0, false, "decoupled weight decay, 0.01 by default")),
            optional(
                    "betas",
                    list(number(0, false, null), "decays of the first and second moments, [0.9, 0.999] by default")
                            .put("minItems", 2)
                            .put("maxItems", 2)),
            optional("epsilon", number(0, true, "added to the denominator, 1e-8 by default")));

    static final MappingDefinition SGD = MappingDefinition.of(
            optional("learningRate", number(0, true, "step size, 0.01 by default")),
            optional("momentum", number(0, false, "momentum, 0 by default")),
            optional("nesterov", bool("Nesterov momentum; needs a momentum above 0; false by default")),
            optional("weightDecay", number(0, false, "L2 penalty, 0 by default")));

    static final MappingDefinition COSINE = MappingDefinition.of(
            optional("warmupEpochs", warmup()),
            optional("minLearningRate", number(0, false, "the rate at the end of training, 0 by default")));

    static final MappingDefinition STEP = MappingDefinition.of(
            required("every", integer(1, "epochs between two changes of the rate")),
            optional("factor", number(0, true, "multiplier of the rate, 0.1 by default")),
            optional("warmupEpochs", warmup()));

    static final MappingDefinition MULTI_STEP = MappingDefinition.of(
            required("milestones", list(integer(1, null), "epochs after which the rate changes, ascending")),
            optional("factor", number(0, true, "multiplier of the rate, 0.1 by default")),
            optional("warmupEpochs", warmup()));

    static final MappingDefinition ONE_CYCLE = MappingDefinition.of(
            optional("warmupEpochs", number(0, true, "epochs the rate rises, 30% by default")),
            optional(
                    "cycleMomentum",
                    bool("the momentum (sgd's momentum, adam's and adamw's beta1) moves against the rate; true by"
                            + " default, except for sgd without momentum")),
            optional("baseMomentum", share(false, "the momentum at the rate's peak, 0.85 by default")),
            optional("maxMomentum", share(false, "the momentum at the start and the end, 0.95 by default")));

    static final List<Named> SCHEDULES = List.of(
            new Named(CosineSchedule.TYPE, COSINE),
            new Named(StepSchedule.TYPE, STEP),
            new Named(MultiStepSchedule.TYPE, MULTI_STEP),
            new Named(OneCycleSchedule.TYPE, ONE_CYCLE));

    static final MappingDefinition GRADIENT_CLIPPING =
            MappingDefinition.of(required("norm", number(0, true, "largest L2 norm of all gradients together")));

    static final MappingDefinition EARLY_STOPPING = MappingDefinition.of(
            required(
                    "metric", words("the figure watched", EarlyStoppingMetric.values(), EarlyStoppingMetric::yamlName)),
            required("patience", integer(1, "epochs without improvement before stopping")),
            optional("minDelta", number(0, false, "the least change that counts as an improvement")));

    static final MappingDefinition TRAINING = MappingDefinition.of(
            required("epochs", integer(1, "passes over the training set")),
            optional("batchSize", integer(1, "images per step, 32 by default")),
            optional(
                    "optimizer",
                    named(
                            "the optimizer, Adam by default",
                            List.of(
                                    new Named(AdamOptimizer.TYPE, ADAM),
                                    new Named(AdamWOptimizer.TYPE, ADAMW),
                                    new Named(SgdOptimizer.TYPE, SGD)))),
            optional("loss", words("the loss", "softmaxCrossEntropy")),
            optional("seed", integer(0, "seeds the shuffle, the initial weights, dropout, splits and augmentation")),
            optional("device", pattern("auto, cpu, gpu or gpu:N", "^(auto|cpu|gpu|gpu:[0-9]+)$")),
            optional(
                    "devices",
                    oneOf("all or a count of GPUs that train data-parallel", words(null, "all"), integer(1, null))),
            optional("validationSplit", share(false, "share of the training set held out for validation")),
            optional("earlyStopping", mapping(EARLY_STOPPING, "stop when a figure stops improving")),
            optional(
                    "testPass",
                    words(
                            "when the test set is measured: once after the last epoch (end, the"
                                    + " default) or after every epoch",
                            TestPass.values(),
                            TestPass::yamlName)),
            optional(
                    "schedule",
                    named("how the learning rate changes, stepped per batch; constant by default", SCHEDULES)),
            optional(
                    "labelSmoothing", share(false, "share of each label spread evenly over all classes, 0 by default")),
            optional(
                    "classWeights",
                    oneOf(
                            "weights of the classes in the loss: balanced (n / (classes * count)) or by class name",
                            words(null, ClassWeightsSpec.BALANCED),
                            JSON.objectNode()
                                    .put("type", "object")
                                    .set("additionalProperties", number(0, true, null)))),
            optional("gradientClipping", mapping(GRADIENT_CLIPPING, "clip the gradients' global norm")));

    static final MappingDefinition CONV2D = MappingDefinition.of(
            required("filters", integer(1, "output channels")),
            required("kernel", integer(1, "kernel size")),
            optional("stride", integer(1, "1 by default")),
            optional("padding", integer(0, "0 by default")),
            optional("dilation", integer(1, "step between the kernel's taps, 1 by default")),
            optional(
                    "groups",
                    integer(
                            1,
                            "channel groups convolved separately, 1 by default; dividing the input channels and"
                                    + " filters (equal to the input channels: depthwise)")),
            optional("bias", bool("whether a bias is added, true by default")));

    static final MappingDefinition LEAKY_RELU =
            MappingDefinition.of(optional("slope", number(0, false, "factor of negative inputs, 0.01 by default")));

    static final MappingDefinition RESIDUAL = MappingDefinition.of(
            required("layers", layers("the main path, whose output is added to the block's input")),
            optional(
                    "shortcut",
                    words(
                            "what the output is added to: auto (the input, or a 1x1 convolution and batchnorm where"
                                    + " the layers change its shape; the default), identity or projection",
                            ResidualShortcut.values(),
                            ResidualShortcut::yamlName)));

    static final MappingDefinition REPEAT = MappingDefinition.of(
            required(
                    "times",
                    integer(1, "copies in a row, each with its own parameters").put("maximum", RepeatLayer.MOST_TIMES)),
            required("layers", layers("the layers of one copy")));

    static final MappingDefinition POOL = MappingDefinition.of(
            required("kernel", integer(1, "window size")),
            optional("stride", integer(1, "the kernel size by default")));

    static final MappingDefinition LINEAR = MappingDefinition.of(required("units", integer(1, "outputs")));

    static final MappingDefinition DROPOUT =
            MappingDefinition.of(optional("rate", share(false, "share of values zeroed in training, 0.5 by default")));

    static final MappingDefinition AFTER_EPOCH =
            MappingDefinition.of(required("afterEpoch", integer(1, "frozen in the epochs up to this one")));

    static final MappingDefinition TORCHSCRIPT = MappingDefinition.of(
            optional(
                    "file",
                    text("the TorchScript module (torch.jit.save), relative to the model file; give this or"
                            + " 'artifact'")),
            optional(
                    "artifact",
                    pattern(
                            "the TorchScript module as Maven coordinates " + ModuleArtifact.FORM
                                    + ", resolved by cnn:train; give this or 'file'",
                            "^[A-Za-z0-9_.+-]+:[A-Za-z0-9_.+-]+:[A-Za-z0-9_.+-]+(:[A-Za-z0-9_.+-]+)?"
                                    + "(@[A-Za-z0-9_.+-]+)?$")),
            required("output", list(integer(1, null), "the shape of what one image becomes, such as [512]")),
            required(
                    "trainable",
                    oneOf(
                            "false (frozen), true, or {afterEpoch: N}: frozen in epochs 1 to N, trained after",
                            described(null).put("type", "boolean"),
                            mapping(AFTER_EPOCH, null))));

    static final MappingDefinition NONE = MappingDefinition.of();

    static final List<Named> LAYERS = List.of(
            new Named(Conv2dLayer.TYPE, CONV2D),
            new Named(MaxPoolLayer.TYPE, POOL),
            new Named(AvgPoolLayer.TYPE, POOL),
            new Named(ReluLayer.TYPE, NONE),
            new Named(SigmoidLayer.TYPE, NONE),
            new Named(TanhLayer.TYPE, NONE),
            new Named(FlattenLayer.TYPE, NONE),
            new Named(LinearLayer.TYPE, LINEAR),
            new Named(DropoutLayer.TYPE, DROPOUT),
            new Named(BatchNormLayer.TYPE, NONE),
            new Named(GeluLayer.TYPE, NONE),
            new Named(SiluLayer.TYPE, NONE),
            new Named(LeakyReluLayer.TYPE, LEAKY_RELU),
            new Named(GlobalAvgPoolLayer.TYPE, NONE),
            new Named(GlobalMaxPoolLayer.TYPE, NONE),
            new Named(TorchScriptLayer.TYPE, TORCHSCRIPT),
            new Named(ResidualLayer.TYPE, RESIDUAL),
            new Named(RepeatLayer.TYPE, REPEAT));

    static final MappingDefinition TOP = MappingDefinition.of(
            required("name", pattern("the model's name and directory name", "^[A-Za-z0-9][A-Za-z0-9._-]*$")),
            required("input", mapping(INPUT, "the shape of one input image")),
            required("classes", integer(2, "number of classes")),
            required(
                    "layers",
                    list(named(null, LAYERS), "the network, in order; the last is linear with" + " 'classes' units")),
            required(
                    "data",
                    oneOf(
                            "where the images and labels are",
                            mapping(DATA_IDX, "IDX files"),
                            mapping(DATA_FOLDER, "image folders"),
                            mapping(DATA_CSV, "CSV files"))),
            required("training", mapping(TRAINING, "how to train")));

    /** A named entry of a list or a choice, as {@code - conv2d: {...}} or {@code adam}, and its parameters. */
    record Named(String name, MappingDefinition parameters) {}

    private ModelFileDefinitions() {}

    private static MappingDefinition images(String format, MappingDefinition set, String key, String whole) {
        return MappingDefinition.of(
                required("format", words("the data's format", format)),
                optional("train", mapping(set, "the training set")),
                optional("test", mapping(set, "the test set")),
                optional(key, text(whole)),
                optional("testSplit", share(true, "share of each class held out for testing, with '" + key + "'")),
                optional(
                        "resize",
                        words(
                                "images of another size: refused (none), stretched or scaled and" + " centre-cropped",
                                ResizeMode.values(),
                                ResizeMode::yamlName)),
                optional(
                        "onBadImage",
                        words(
                                "an image file that cannot be read: fail the build (fail), or leave it out and"
                                        + " list it in one log line (skip)",
                                BadImagePolicy.values(),
                                BadImagePolicy::yamlName)),
                optional("normalize", normalize()),
                optional("augment", augmentations()),
                optional("workers", workers()),
                optional(
                        "cache",
                        described("decode the image files once into the decoded cache (true, the default) or every"
                                        + " epoch (false)")
                                .put("type", "boolean")));
    }

    private static ObjectNode workers() {
        return integer(
                1,
                "threads that read, augment and scale training batches ahead of the network; by default the"
                        + " processors the training threads leave free, 1 to 8");
    }

    private static ObjectNode warmup() {
        return number(0, false, "linear warm-up in epochs, fractional allowed, 0 by default");
    }

    private static ObjectNode normalize() {
        return oneOf(
                "normalisation per channel: fixed figures, or auto from the training set",
                words(null, "auto"),
                mapping(NORMALIZE_FIGURES, null));
    }

    /** A nested list of layers, whose schema is the top-level {@code layers} list's, by reference. */
    private static ObjectNode layers(String description) {
        return described(description).put("$ref", "#/properties/layers");
    }

    private static ObjectNode augmentations() {
        return list(named(null, AUGMENTATIONS), "random changes to training images, in order");
    }

    static KeyDefinition required(String name, ObjectNode schema) {
        return new KeyDefinition(name, true, schema);
    }

    static KeyDefinition optional(String name, ObjectNode schema) {
        return new KeyDefinition(name, false, schema);
    }

    /** The schema of a mapping of these keys, no others. */
    static ObjectNode mapping(MappingDefinition definition, String description) {
        ObjectNode schema = described(description).put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (KeyDefinition key : definition.keys()) {
            properties.set(key.name(), key.schema());
            if (key.required()) {
                required.add(key.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema.put("additionalProperties", false);
    }

    private static ObjectNode named(String description, List<Named> entries) {
        ArrayNode bare = JSON.arrayNode();
        ArrayNode variants = JSON.arrayNode();
        for (Named entry : entries) {
            if (entry.parameters().keys().stream().noneMatch(KeyDefinition::required)) {
                bare.add(entry.name());
            }
            ObjectNode variant = JSON.objectNode().put("type", "object");
            ObjectNode parameters = mapping(entry.parameters(), null);
            variant.putObject("properties")
                    .set(
                            entry.name(),
                            JSON.objectNode()
                                    .set(
                                            "oneOf",
                                            JSON.arrayNode()
                                                    .add(parameters)
                                                    .add(JSON.objectNode().put("type", "null"))));
            variant.putArray("required").add(entry.name());
            variant.put("additionalProperties", false);
            variants.add(variant);
        }
        if (!bare.isEmpty()) {
            variants.insert(0, JSON.objectNode().put("type", "string").set("enum", bare));
        }
        ObjectNode schema = described(description);
        schema.set("oneOf", variants);
        return schema;
    }

    private static ObjectNode oneOf(String description, ObjectNode... choices) {
        ObjectNode schema = described(description);
        schema.putArray("oneOf").addAll(Arrays.asList(choices));
        return schema;
    }

    private static ObjectNode list(ObjectNode items, String description) {
        ObjectNode schema = described(description).put("type", "array");
        schema.set("items", items);
        return schema;
    }

    private static ObjectNode integer(int minimum, String description) {
        return described(description).put("type", "integer").put("minimum", minimum);
    }

    private static ObjectNode number(double minimum, boolean exclusive, String description) {
        return described(description).put("type", "number").put(exclusive ? "exclusiveMinimum" : "minimum", minimum);
    }

    private static ObjectNode numbers(double minimum, boolean exclusive, String description) {
        return list(number(minimum, exclusive, null), description);
    }

    private static ObjectNode share(boolean aboveZero, String description) {
        return number(0, aboveZero, description).put("exclusiveMaximum", 1);
    }

    private static ObjectNode bool(String description) {
        return described(description).put("type", "boolean");
    }

    private static ObjectNode text(String description) {
        return described(description).put("type", "string").put("minLength", 1);
    }

    private static ObjectNode texts(String description) {
        return list(text(null), description);
    }

    private static ObjectNode pattern(String description, String pattern) {
        return described(description).put("type", "string").put("pattern", pattern);
    }

    private static ObjectNode words(String description, String... words) {
        ObjectNode schema = described(description).put("type", "string");
        ArrayNode values = schema.putArray("enum");
        Arrays.stream(words).forEach(values::add);
        return schema;
    }

    private static <E extends Enum<E>> ObjectNode words(String description, E[] constants, Function<E, String> word) {
        return words(description, YamlValue.words(constants, word).toArray(String[]::new));
    }

    private static ObjectNode described(String description) {
        ObjectNode schema = JSON.objectNode();
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }
}

package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code data} section of a model file. */
final class DataReader {

    /** How the {@code data} mapping looks, for messages. */
    static final String EXAMPLE = "{train: {images: ..., labels: ...}, test: {images: ..., labels: ...}}";

    private static final List<String> FORMATS = List.of("idx", "folder", "csv");

    private DataReader() {}

    /**
     * Reads the format and the two data sets, resolving their paths against the model file's folder.
     *
     * @param data the {@code data} mapping
     * @param classes the model's class count, which an IDX file's {@code classNames} must match
     * @param channels the input's channels, one mean and std each for {@code normalize}
     */
    static DataSpec read(YamlMapping data, int classes, int channels) throws SpecException {
        String format = data.valueOr("format", "idx", value -> value.choice(FORMATS));
        if (format.equals("idx")) {
            data.allowOnly(ModelFileDefinitions.DATA_IDX.names());
            return new DataSpec(
                    format,
                    files(data, "train", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
                    files(data, "test", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
                    Optional.empty(),
                    new ImageOptions(ResizeMode.NONE, normalize(data, channels), augment(data)),
                    data.valueOr("classNames", List.of(), value -> classNames(value, classes)));
        }
        ImageLayout layout = format.equals("folder") ? ImageLayout.FOLDER : ImageLayout.CSV;
        data.allowOnly((layout == ImageLayout.FOLDER ? ModelFileDefinitions.DATA_FOLDER : ModelFileDefinitions.DATA_CSV)
                .names());
        return new DataSpec(format, null, null, Optional.of(source(data, layout)), options(data, channels), List.of());
    }

    private static List<String> classNames(YamlValue value, int classes) throws SpecException {
        List<Node> items = value.list("a list of class names in label order, such as [cat, dog]");
        if (items.size() != classes) {
            throw SpecException.at(
                    value.location(),
                    value.field() + " lists " + items.size() + " names, but the model" + " has " + classes
                            + " classes; give one name per class, in label order");
        }
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            YamlValue name =
                    value.sibling(item, "classNames", value.nestedOwner().replace(".classNames", ""));
            String text = name.text();
            if (text.isBlank() || names.contains(text)) {
                throw SpecException.at(
                        name.location(),
                        "class name '" + text + "' is " + (text.isBlank() ? "empty" : "given twice")
                                + "; give each class its own name");
            }
            names.add(text);
        }
        return names;
    }

    private static DatasetFiles files(YamlMapping data, String key, String images, String labels) throws SpecException {
        String example = "{images: " + images + ", labels: " + labels + "}";
        YamlMapping files = data.require(key, key + ": " + example).mapping(example);
        files.allowOnly(ModelFileDefinitions.IDX_FILES.names());
        return new DatasetFiles(
                files.require("images", "images: " + images).path(),
                files.require("labels", "labels: " + labels).path());
    }

    private static ImageSource source(YamlMapping data, ImageLayout layout) throws SpecException {
        String key = layout.key();
        if (data.has(key)) {
            for (String set : List.of("train", "test")) {
                if (data.has(set)) {
                    throw SpecException.at(
                            data.require(set, "").location(),
                            "data has both '" + key + "' and '" + set + "'; give either one '" + key
                                    + "' with 'testSplit: 0.2', or 'train' and 'test'");
                }
            }
            YamlValue split = data.require(
                    "testSplit",
                    "testSplit: 0.2 (the share of each class held out for"
                            + " testing), or give 'train' and 'test' instead of '" + key + "'");
            return new ImageSource(layout, data.require(key, "").path(), Optional.empty(), share(split));
        }
        String example = layout.example();
        String testExample = example.replace("train", "test");
        Path train = set(
                data,
                "train",
                layout,
                "train: {" + key + ": " + example + "}, or one '" + key + "' with 'testSplit: 0.2'");
        if (data.has("testSplit")) {
            throw SpecException.at(
                    data.require("testSplit", "").location(),
                    "'testSplit' holds out part of one '"
                            + key
                            + "' for testing, but data has 'train'; remove 'testSplit' and give 'test', or replace"
                            + " 'train' by '" + key + "'");
        }
        Path test = set(
                data,
                "test",
                layout,
                "test: {" + key + ": " + testExample + "}, or replace 'train' by" + " one '" + key
                        + "' with 'testSplit: 0.2'");
        return new ImageSource(layout, train, Optional.of(test), 0);
    }

    private static Path set(YamlMapping data, String name, ImageLayout layout, String missing) throws SpecException {
        String example = "{" + layout.key() + ": " + layout.example().replace("train", name) + "}";
        YamlMapping set = data.require(name, missing).mapping(example);
        set.allowOnly((layout == ImageLayout.FOLDER ? ModelFileDefinitions.FOLDER_SET : ModelFileDefinitions.CSV_SET)
                .names());
        return set.require(layout.key(), layout.key() + ": " + layout.example().replace("train", name))
                .path();
    }

    private static double share(YamlValue split) throws SpecException {
        double share = split.fraction();
        if (share == 0) {
            throw SpecException.at(
                    split.location(),
                    split.field() + " must be above 0 and below 1, such as 0.2,"
                            + " but was 0; to test on separate images give 'train' and 'test'");
        }
        return share;
    }

    private static ImageOptions options(YamlMapping data, int channels) throws SpecException {
        ResizeMode resize = data.valueOr(
                "resize", ResizeMode.NONE, value -> value.choice(ResizeMode.values(), ResizeMode::yamlName));
        return new ImageOptions(resize, normalize(data, channels), augment(data));
    }

    private static List<AugmentationSpec> augment(YamlMapping data) throws SpecException {
        return data.valueOr("augment", List.of(), AugmentationReader::read);
    }

    private static Optional<NormalizationSpec> normalize(YamlMapping data, int channels) throws SpecException {
        String example = "{mean: " + perChannel("0.5", channels) + ", std: " + perChannel("0.25", channels) + "}";
        return data.valueOr("normalize", Optional.empty(), value -> {
            if (!(value.node() instanceof MappingNode)) {
                String text = value.text();
                if (!text.equalsIgnoreCase("auto")) {
                    throw SpecException.at(
                            value.location(),
                            value.field() + " must be 'auto' or a mapping like " + example + ", but was '" + text
                                    + "'");
                }
                return Optional.of(new AutoNormalization());
            }
            YamlMapping figures = value.mapping(example);
            figures.allowOnly(ModelFileDefinitions.NORMALIZE_FIGURES.names());
            return Optional.of(new FixedNormalization(
                    numbers(figures.require("mean", "mean: " + perChannel("0.5", channels)), channels, false),
                    numbers(figures.require("std", "std: " + perChannel("0.25", channels)), channels, true)));
        });
    }

    private static List<Double> numbers(YamlValue value, int channels, boolean positive) throws SpecException {
        List<Node> items = value.list("a list of one number per input channel, such as " + perChannel("0.5", channels));
        if (items.size() != channels) {
            throw SpecException.at(
                    value.location(),
                    value.field() + " lists " + items.size() + " numbers, but the"
                            + " input has " + channels + " channel" + (channels == 1 ? "" : "s")
                            + "; give one per channel,"
                            + " such as " + perChannel(positive ? "0.25" : "0.5", channels));
        }
        List<Double> numbers = new ArrayList<>();
        for (Node item : items) {
            String path = value.nestedOwner();
            int dot = path.lastIndexOf('.');
            YamlValue number = value.sibling(item, path.substring(dot + 1), path.substring(0, dot));
            numbers.add(positive ? number.positiveNumber() : number.nonNegativeNumber());
        }
        return numbers;
    }

    private static String perChannel(String value, int channels) {
        return "[" + String.join(", ", Collections.nCopies(channels, value)) + "]";
    }
}

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
     * Reads the format and the two data sets, resolving their paths against the model file's folder. Each wrong key
     * or value is recorded in the model file's {@link SpecErrors} and the next one is read; the keys a format allows
     * are checked only when the format is valid.
     *
     * @param data the {@code data} mapping
     * @param classes the model's class count, which an IDX file's {@code classNames} must match
     * @param channels the input's channels, one mean and std each for {@code normalize}
     * @return the data, or {@code null} when some of it is wrong
     */
    static DataSpec read(YamlMapping data, int classes, int channels) throws SpecException {
        SpecErrors errors = data.errors();
        int before = errors.count();
        String format = errors.attempt(() -> data.valueOr("format", "idx", value -> value.choice(FORMATS)), null);
        if (format == null) {
            // which keys data may hold depends on the format; normalize and augment are the same in every format
            errors.attempt(() -> normalize(data, channels), Optional.empty());
            errors.attempt(() -> augment(data), List.of());
            return null;
        }
        if (format.equals("idx")) {
            data.allowOnly(ModelFileDefinitions.DATA_IDX);
            DatasetFiles train = errors.attempt(
                    () -> files(data, "train", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), null);
            DatasetFiles test = errors.attempt(
                    () -> files(data, "test", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"), null);
            ImageOptions options = options(data, ResizeMode.NONE, BadImagePolicy.FAIL, channels);
            List<String> classNames = errors.attempt(
                    () -> data.valueOr("classNames", List.of(), value -> classNames(value, classes)), List.of());
            return errors.count() > before
                    ? null
                    : new DataSpec(format, train, test, Optional.empty(), options, classNames);
        }
        ImageLayout layout = format.equals("folder") ? ImageLayout.FOLDER : ImageLayout.CSV;
        data.allowOnly(layout == ImageLayout.FOLDER ? ModelFileDefinitions.DATA_FOLDER : ModelFileDefinitions.DATA_CSV);
        ImageSource source = errors.attempt(() -> source(data, layout), null);
        ResizeMode resize = errors.attempt(
                () -> data.valueOr(
                        "resize", ResizeMode.NONE, value -> value.choice(ResizeMode.values(), ResizeMode::yamlName)),
                ResizeMode.NONE);
        BadImagePolicy onBadImage = errors.attempt(
                () -> data.valueOr(
                        "onBadImage",
                        BadImagePolicy.FAIL,
                        value -> value.choice(BadImagePolicy.values(), BadImagePolicy::yamlName)),
                BadImagePolicy.FAIL);
        ImageOptions options = options(data, resize, onBadImage, channels);
        return errors.count() > before
                ? null
                : new DataSpec(format, null, null, Optional.of(source), options, List.of());
    }

    private static List<String> classNames(YamlValue value, int classes) throws SpecException {
        List<Node> items = value.list("a list of class names in label order, such as [cat, dog]");
        SpecErrors errors = value.errors();
        int before = errors.count();
        if (items.size() != classes) {
            errors.add(SpecException.at(
                    value.location(),
                    value.field() + " lists " + items.size() + " names, but the model" + " has " + classes
                            + " classes; give one name per class, in label order"));
        }
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            YamlValue name =
                    value.sibling(item, "classNames", value.nestedOwner().replace(".classNames", ""));
            String text = errors.attempt(name::text, null);
            if (text != null && (text.isBlank() || names.contains(text))) {
                errors.add(SpecException.at(
                        name.location(),
                        "class name '" + text + "' is " + (text.isBlank() ? "empty" : "given twice")
                                + "; give each class its own name"));
            }
            names.add(text);
        }
        return errors.count() > before ? null : names;
    }

    private static DatasetFiles files(YamlMapping data, String key, String images, String labels) throws SpecException {
        String example = "{images: " + images + ", labels: " + labels + "}";
        YamlMapping files = data.require(key, key + ": " + example).mapping(example);
        files.allowOnly(ModelFileDefinitions.IDX_FILES);
        SpecErrors errors = files.errors();
        Path imageFile = errors.attempt(
                () -> files.require("images", "images: " + images).path(), null);
        Path labelFile = errors.attempt(
                () -> files.require("labels", "labels: " + labels).path(), null);
        return imageFile == null || labelFile == null ? null : new DatasetFiles(imageFile, labelFile);
    }

    /**
     * Reads where the images are: one {@code dir} or {@code file} with a {@code testSplit}, or a {@code train} and a
     * {@code test} set, each checked on its own. A mix of the two ways is one error, and what it mixes is not read.
     */
    private static ImageSource source(YamlMapping data, ImageLayout layout) throws SpecException {
        String key = layout.key();
        SpecErrors errors = data.errors();
        if (data.has(key)) {
            for (String set : List.of("train", "test")) {
                if (data.has(set)) {
                    throw SpecException.at(
                            data.require(set, "").location(),
                            "data has both '" + key + "' and '" + set + "'; give either one '" + key
                                    + "' with 'testSplit: 0.2', or 'train' and 'test'");
                }
            }
            int before = errors.count();
            Path images = errors.attempt(() -> data.require(key, "").path(), null);
            double share = errors.attempt(
                    () -> share(data.require(
                            "testSplit",
                            "testSplit: 0.2 (the share of each class held out for"
                                    + " testing), or give 'train' and 'test' instead of '" + key + "'")),
                    0.0);
            return errors.count() > before ? null : new ImageSource(layout, images, Optional.empty(), share);
        }
        String example = layout.example();
        String testExample = example.replace("train", "test");
        if (!data.has("train") && !data.has("test")) {
            throw SpecException.at(
                    data.location(),
                    "data is missing 'train' and 'test'; add them, e.g. train: {" + key + ": " + example
                            + "} and test: {" + key + ": " + testExample + "}, or one '" + key
                            + "' with 'testSplit: 0.2'");
        }
        int before = errors.count();
        Path train = errors.attempt(
                () -> set(
                        data,
                        "train",
                        layout,
                        "train: {" + key + ": " + example + "}, or one '" + key + "' with 'testSplit: 0.2'"),
                null);
        // 'testSplit' beside 'train' is one mistake: it also explains a missing 'test'
        boolean split = data.has("train") && data.has("testSplit");
        if (split) {
            errors.add(SpecException.at(
                    data.require("testSplit", "").location(),
                    "'testSplit' holds out part of one '"
                            + key
                            + "' for testing, but data has 'train'; remove 'testSplit' and give 'test', or replace"
                            + " 'train' by '" + key + "'"));
        }
        Path test = split && !data.has("test")
                ? null
                : errors.attempt(
                        () -> set(
                                data,
                                "test",
                                layout,
                                "test: {" + key + ": " + testExample + "}, or replace 'train' by" + " one '" + key
                                        + "' with 'testSplit: 0.2'"),
                        null);
        return errors.count() > before ? null : new ImageSource(layout, train, Optional.of(test), 0);
    }

    private static Path set(YamlMapping data, String name, ImageLayout layout, String missing) throws SpecException {
        String example = "{" + layout.key() + ": " + layout.example().replace("train", name) + "}";
        YamlMapping set = data.require(name, missing).mapping(example);
        set.allowOnly(layout == ImageLayout.FOLDER ? ModelFileDefinitions.FOLDER_SET : ModelFileDefinitions.CSV_SET);
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

    /**
     * Reads {@code normalize}, {@code augment}, {@code workers} and {@code cache}, each on its own; {@code null} when
     * one is wrong.
     */
    private static ImageOptions options(YamlMapping data, ResizeMode resize, BadImagePolicy onBadImage, int channels) {
        SpecErrors errors = data.errors();
        int before = errors.count();
        Optional<NormalizationSpec> normalize = errors.attempt(() -> normalize(data, channels), Optional.empty());
        List<AugmentationSpec> augment = errors.attempt(() -> augment(data), List.of());
        int workers = errors.attempt(() -> data.valueOr("workers", 0, YamlValue::positiveInt), 0);
        boolean cache = errors.attempt(
                () -> data.valueOr(
                        "cache",
                        true,
                        value -> value.choice(List.of("true", "false")).equals("true")),
                true);
        return errors.count() > before
                ? null
                : new ImageOptions(resize, normalize, augment, onBadImage, workers, cache);
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
            figures.allowOnly(ModelFileDefinitions.NORMALIZE_FIGURES);
            SpecErrors errors = figures.errors();
            List<Double> mean = errors.attempt(
                    () -> numbers(figures.require("mean", "mean: " + perChannel("0.5", channels)), channels, false),
                    null);
            List<Double> std = errors.attempt(
                    () -> numbers(figures.require("std", "std: " + perChannel("0.25", channels)), channels, true),
                    null);
            return mean == null || std == null ? null : Optional.of(new FixedNormalization(mean, std));
        });
    }

    /** One number per channel; a wrong count and each wrong number are errors of their own. */
    private static List<Double> numbers(YamlValue value, int channels, boolean positive) throws SpecException {
        List<Node> items = value.list("a list of one number per input channel, such as " + perChannel("0.5", channels));
        SpecErrors errors = value.errors();
        int before = errors.count();
        if (items.size() != channels) {
            errors.add(SpecException.at(
                    value.location(),
                    value.field() + " lists " + items.size() + " numbers, but the"
                            + " input has " + channels + " channel" + (channels == 1 ? "" : "s")
                            + "; give one per channel,"
                            + " such as " + perChannel(positive ? "0.25" : "0.5", channels)));
        }
        List<Double> numbers = new ArrayList<>();
        for (Node item : items) {
            String path = value.nestedOwner();
            int dot = path.lastIndexOf('.');
            YamlValue number = value.sibling(item, path.substring(dot + 1), path.substring(0, dot));
            numbers.add(errors.attempt(positive ? number::positiveNumber : number::nonNegativeNumber, 0.0));
        }
        return errors.count() > before ? null : numbers;
    }

    private static String perChannel(String value, int channels) {
        return "[" + String.join(", ", Collections.nCopies(channels, value)) + "]";
    }
}

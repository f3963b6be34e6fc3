package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.files.RegularFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a model file strictly: unknown keys, wrong types, missing fields and YAML tags are errors whose message
 * starts with {@code file:line:column: } and says how to fix them.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpecReader.read(Path.of("src/main/cnn/mnist.yaml"));   // not yet checked for shapes
 * }</pre>
 *
 * <p>{@link CheckedModel#read} reads a file with this reader and then checks its shapes and memory estimate: that is
 * how training reads a model file.
 *
 * <p>The YAML is only composed into SnakeYAML nodes, so no Java object is ever built from the file; any tag
 * other than the plain YAML ones ({@code !!java.io.File}, {@code !custom}) is rejected. Anchors and aliases are
 * accepted; an error in an aliased value is reported where the anchored value is written.
 */
public final class ModelSpecReader {

    private static final String KEYS_IN_WORDS = "name, input, classes, layers, data and training";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String INPUT_EXAMPLE = "{channels: 1, height: 28, width: 28}";
    private static final String LAYERS_EXAMPLE = "layers: [flatten, {linear: {units: 10}}]";
    /** The largest model file read: a model file is a few hundred bytes, so more is the wrong file. */
    private static final long MAX_BYTES = 1 << 20;

    private ModelSpecReader() {}

    /**
     * Reads a model file as UTF-8.
     *
     * @param file the model file; its folder is where relative data paths start
     * @return the model, not yet checked by {@link ShapeInference}
     * @throws SpecException if the file is not a readable regular file of at most 1 MiB, or is not a valid model
     *     file
     */
    public static ModelSpec read(Path file) throws SpecException {
        Optional<String> problem = RegularFiles.problem(file);
        if (problem.isPresent()) {
            throw new SpecException("Cannot read model file " + file + ": it " + problem.get());
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SpecException("Cannot read model file " + file + ": it holds " + Files.size(file)
                        + " bytes, more than a model file's limit of " + MAX_BYTES + "; name the right file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException("Cannot read model file " + file + ": " + reason(e), e);
        }
        return parse(file, text);
    }

    /**
     * Reads the text of a model file, reporting every independent error at once: each unknown or repeated key, each
     * wrong layer, each wrong section. A part that needs another is read only when that one is valid ({@code data},
     * whose class names and normalization are counted against {@code classes} and {@code input}), so one mistake
     * gives one error.
     *
     * <pre>{@code
     * ModelSpec spec = ModelSpecReader.parse(Path.of("mnist.yaml"), "name: mnist-cnn\n...");
     * }</pre>
     *
     * @param file the file the text came from, used only in messages and to resolve relative data paths
     * @param yamlText the text, kept as {@link ModelSpec#yaml()}
     * @return the model, not yet checked by {@link ShapeInference}
     * @throws SpecException if the text is not a valid model file
     */
    public static ModelSpec parse(Path file, String yamlText) throws SpecException {
        Node root = SafeYamlComposer.compose(file, yamlText);
        if (root == null) {
            throw SpecException.at(
                    new SourceLocation(file, 1, 1), "the model file is empty; write the keys " + KEYS_IN_WORDS);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw SpecException.at(
                    YamlNodes.locate(file, root),
                    "the model file must be a mapping with the keys " + KEYS_IN_WORDS + ", but was "
                            + YamlNodes.describe(root));
        }
        SpecErrors errors = new SpecErrors();
        YamlMapping top = YamlMapping.root(file, mapping, errors);
        top.allowOnly(ModelFileDefinitions.TOP);
        String name = errors.attempt(() -> name(top.require("name", "name: mnist-cnn")), null);
        InputShape input = errors.attempt(
                () -> input(top.require("input", "input: " + INPUT_EXAMPLE).mapping(INPUT_EXAMPLE)), null);
        Integer classes =
                errors.attempt(() -> top.require("classes", "classes: 10").intAtLeast(2), null);
        List<LayerSpec> layers =
                errors.attempt(() -> LayerReader.read(top.require("layers", LAYERS_EXAMPLE)), List.of());
        DataSpec data = classes == null || input == null
                ? null
                : errors.attempt(
                        () -> DataReader.read(
                                top.require("data", "data: " + DataReader.EXAMPLE)
                                        .mapping(DataReader.EXAMPLE),
                                classes,
                                input.channels()),
                        null);
        TrainingSpec training = errors.attempt(
                () -> TrainingReader.read(
                        top.require("training", "training: {epochs: 10}").mapping("{epochs: 10}")),
                null);
        errors.throwIfAny();
        return new ModelSpec(name, file, yamlText, input, classes, layers, data, training);
    }

    private static String name(YamlValue value) throws SpecException {
        String name = value.text();
        if (!NAME.matcher(name).matches()) {
            throw SpecException.at(
                    value.location(),
                    "'name' must start with a letter or digit and hold only"
                            + " letters, digits, '.', '_' and '-', as it becomes a directory name, but was '" + name
                            + "'; e.g. name: mnist-cnn");
        }
        return name;
    }

    private static InputShape input(YamlMapping input) throws SpecException {
        input.allowOnly(ModelFileDefinitions.INPUT);
        SpecErrors errors = input.errors();
        int before = errors.count();
        int channels =
                errors.attempt(() -> input.require("channels", "channels: 1").positiveInt(), 1);
        int height = errors.attempt(() -> input.require("height", "height: 28").positiveInt(), 1);
        int width = errors.attempt(() -> input.require("width", "width: 28").positiveInt(), 1);
        if (errors.count() > before) {
            return null;
        }
        InputShape shape = new InputShape(channels, height, width);
        if ((double) shape.channels() * shape.height() * shape.width() > Integer.MAX_VALUE) {
            throw SpecException.at(
                    input.location(),
                    "input " + shape.channels() + "x" + shape.height() + "x" + shape.width() + " has more than "
                            + Integer.MAX_VALUE + " values; use smaller images");
        }
        return shape;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the file does not exist; check the path";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text; save it as UTF-8";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

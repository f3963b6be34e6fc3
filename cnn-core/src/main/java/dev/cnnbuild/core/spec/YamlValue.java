package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Suggestions;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The value of one key of the model file, converted strictly: a whole number must be written as digits, a
 * number as a decimal, and every failure names the key, its owner and what was written.
 */
final class YamlValue {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?[0-9]+,[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final Path file;
    private final Node node;
    private final String key;
    private final String owner;
    private final SpecErrors errors;

    YamlValue(Path file, Node node, String key, String owner, SpecErrors errors) {
        this.file = file;
        this.node = node;
        this.key = key;
        this.owner = owner;
        this.errors = errors;
    }

    /** The model file the value is in. */
    Path file() {
        return file;
    }

    /** Where the errors of this model file are recorded. */
    SpecErrors errors() {
        return errors;
    }

    /**
     * Another value of the same model file, such as an item of this list.
     *
     * @param itemNode the node
     * @param itemKey its key in messages
     * @param itemOwner its owner in messages
     */
    YamlValue sibling(Node itemNode, String itemKey, String itemOwner) {
        return new YamlValue(file, itemNode, itemKey, itemOwner, errors);
    }

    /** The value's node. */
    Node node() {
        return node;
    }

    /** Where the value is. */
    SourceLocation location() {
        return YamlNodes.locate(file, node);
    }

    /** The key in messages: {@code 'classes'} at the top level, else {@code 'filters' of conv2d (layer 1)}. */
    String field() {
        return owner == null ? "'" + key + "'" : "'" + key + "' of " + owner;
    }

    /** The owner of a mapping under this key: {@code input}, {@code data.train}. */
    String nestedOwner() {
        return owner == null ? key : owner + "." + key;
    }

    /** A whole number above zero. */
    int positiveInt() throws SpecException {
        return (int) wholeNumber(1, Integer.MAX_VALUE, "a positive whole number");
    }

    /** A whole number of zero or more. */
    int nonNegativeInt() throws SpecException {
        return (int) wholeNumber(0, Integer.MAX_VALUE, "zero or a positive whole number");
    }

    /** A whole number of at least {@code min}. */
    int intAtLeast(int min) throws SpecException {
        return (int) wholeNumber(min, Integer.MAX_VALUE, "a whole number of at least " + min);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int intFromTo(int min, int max) throws SpecException {
        refuseQuoted("a whole number");
        String text = YamlNodes.scalarText(node);
        if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
            throw mustBe("a whole number", YamlNodes.describe(node));
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw mustBe("a whole number from " + min + " to " + max, text);
        }
        return value.intValueExact();
    }

    /** A whole number of zero or more that fits a {@code long}. */
    long nonNegativeLong() throws SpecException {
        return wholeNumber(0, Long.MAX_VALUE, "zero or a positive whole number");
    }

    /** A number above zero. */
    double positiveNumber() throws SpecException {
        double value = number();
        if (value <= 0) {
            throw mustBe("a positive number", YamlNodes.scalarText(node));
        }
        return value;
    }

    /** A number of zero or more. */
    double nonNegativeNumber() throws SpecException {
        double value = number();
        if (value < 0) {
            throw mustBe("zero or a positive number", YamlNodes.scalarText(node));
        }
        return value;
    }

    /** A number of at least 0 and below 1, such as a dropout rate or a momentum. */
    double fraction() throws SpecException {
        double value = number();
        if (value < 0 || value >= 1) {
            throw mustBe("at least 0 and less than 1", YamlNodes.scalarText(node));
        }
        return value;
    }

    /** {@code true} or {@code false}, unquoted; yes, no, on and off are refused as unclear. */
    boolean bool() throws SpecException {
        String text = YamlNodes.scalarText(node);
        if (node instanceof ScalarNode scalar && scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            throw SpecException.at(
                    location(),
                    field() + " must be true or false, but was the quoted text " + YamlNodes.describe(node)
                            + "; write true or false without quotes");
        }
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        throw mustBe("true or false", YamlNodes.describe(node));
    }

    /** Any text; an empty value, a list or a mapping is not text. */
    String text() throws SpecException {
        if (YamlNodes.isNull(node) || YamlNodes.scalarText(node) == null) {
            throw mustBe("text", YamlNodes.describe(node));
        }
        return YamlNodes.scalarText(node);
    }

    /**
     * One of a few words, ignoring case.
     *
     * @return the word as spelled in {@code allowed}
     */
    String choice(List<String> allowed) throws SpecException {
        String text = text();
        for (String word : allowed) {
            if (word.equalsIgnoreCase(text)) {
                return word;
            }
        }
        String words = allowed.size() == 1
                ? "'" + allowed.get(0) + "'"
                : "one of " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                        + allowed.get(allowed.size() - 1);
        throw SpecException.at(
                location(),
                field() + " must be " + words + ", but was '" + text + "'" + Suggestions.didYouMean(text, allowed));
    }

    /**
     * One of an enum's constants, written as the word {@code word} gives each, ignoring case.
     *
     * @return the constant whose word this value is
     */
    <E extends Enum<E>> E choice(E[] constants, Function<E, String> word) throws SpecException {
        List<String> words = words(constants, word);
        return constants[words.indexOf(choice(words))];
    }

    /** Returns the constants' words in the model file, in declaration order. */
    static <E extends Enum<E>> List<String> words(E[] constants, Function<E, String> word) {
        return Arrays.stream(constants).map(word).toList();
    }

    /** A file path, resolved against the model file's folder; absolute and normalized. */
    Path path() throws SpecException {
        String text = text();
        if (text.isBlank()) {
            throw mustBe("a file path", "'" + text + "'");
        }
        try {
            return file.toAbsolutePath().normalize().resolveSibling(text).normalize();
        } catch (InvalidPathException e) {
            throw SpecException.at(
                    location(), field() + " must be a file path, but '" + text + "' is not one: " + e.getReason());
        }
    }

    /**
     * A nested mapping.
     *
     * @param example how the mapping looks, such as {@code "{channels: 1, height: 28, width: 28}"}
     */
    YamlMapping mapping(String example) throws SpecException {
        if (node instanceof MappingNode mapping) {
            return YamlMapping.of(file, mapping, nestedOwner(), errors);
        }
        throw mustBe("a mapping like " + example, YamlNodes.describe(node));
    }

    /**
     * A list.
     *
     * @param kind what the list holds, such as {@code "a list of layers such as '- relu'"}
     */
    List<Node> list(String kind) throws SpecException {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        throw mustBe(kind, YamlNodes.describe(node));
    }

    private long wholeNumber(long min, long max, String kind) throws SpecException {
        refuseQuoted("a whole number");
        String text = YamlNodes.scalarText(node);
        if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
            throw mustBe("a whole number", YamlNodes.describe(node));
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            throw mustBe(kind, text);
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw mustBe(kind + " no larger than " + max, text);
        }
        return value.longValueExact();
    }

    private double number() throws SpecException {
        refuseQuoted("a number");
        String text = YamlNodes.scalarText(node);
        if (text != null && DECIMAL_COMMA.matcher(text).matches()) {
            throw SpecException.at(
                    location(),
                    field() + " must be a number, but was '" + text + "', which has a"
                            + " decimal comma; write a decimal point, such as " + text.replace(',', '.'));
        }
        if (text == null || !NUMBER.matcher(text).matches()) {
            throw mustBe("a number", YamlNodes.describe(node));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw mustBe("a number of reasonable size", text);
        }
        return value;
    }

    /** Strict typing: {@code "4"} is text, even where it reads as a number. */
    private void refuseQuoted(String kind) throws SpecException {
        if (node instanceof ScalarNode scalar && scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            throw SpecException.at(
                    location(),
                    field() + " must be " + kind + ", but was the quoted text " + YamlNodes.describe(node)
                            + "; write the number without quotes");
        }
    }

    private SpecException mustBe(String kind, String was) {
        return SpecException.at(location(), field() + " must be " + kind + ", but was " + was);
    }
}

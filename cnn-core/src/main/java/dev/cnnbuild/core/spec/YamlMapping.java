package dev.cnnbuild.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cnnbuild.core.text.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A mapping of the model file, read strictly: keys are names, none is repeated, none is unknown, and a missing
 * required key is reported with an example of what to add.
 *
 * <p>Unknown, repeated and malformed keys are recorded in the model file's {@link SpecErrors} and reading goes on,
 * so all of them are reported together; a missing key or a wrong value throws, for the reader to record where the
 * next independent part starts.
 *
 * <p>The owner names the mapping in messages: {@code null} at the top level, {@code "input"},
 * {@code "data.train"} or {@code "conv2d (layer 1)"}.
 */
final class YamlMapping {

    /** Turns the value of a key into what the model needs, or says why it cannot. */
    @FunctionalInterface
    interface Conversion<T> {
        T convert(YamlValue value) throws SpecException;
    }

    private final Path file;
    private final SpecErrors errors;
    private final String owner;
    private final SourceLocation location;
    private final Map<String, NodeTuple> entries;
    /** The required keys whose absence an unknown key's error already tells, and that error. */
    private final Map<String, SpecException> told = new HashMap<>();

    private YamlMapping(
            Path file, SpecErrors errors, String owner, SourceLocation location, Map<String, NodeTuple> entries) {
        this.file = file;
        this.errors = errors;
        this.owner = owner;
        this.location = location;
        this.entries = entries;
    }

    /**
     * The top-level mapping; its missing keys are reported at line 1, column 1.
     *
     * @param errors where this mapping, and every mapping and value read from it, records the errors it goes on after
     */
    static YamlMapping root(Path file, MappingNode node, SpecErrors errors) {
        return new YamlMapping(file, errors, null, new SourceLocation(file, 1, 1), entries(file, node, null, errors));
    }

    /** A nested mapping; its missing keys are reported where it starts. */
    static YamlMapping of(Path file, MappingNode node, String owner, SpecErrors errors) {
        return new YamlMapping(file, errors, owner, YamlNodes.locate(file, node), entries(file, node, owner, errors));
    }

    /** A mapping with no keys, for parameters that were left out, as in {@code - batchnorm}. */
    static YamlMapping empty(Path file, SourceLocation location, String owner, SpecErrors errors) {
        return new YamlMapping(file, errors, owner, location, new LinkedHashMap<>());
    }

    /** Where the errors of this model file are recorded. */
    SpecErrors errors() {
        return errors;
    }

    /** Where the mapping is. */
    SourceLocation location() {
        return location;
    }

    /**
     * Records every key that is not one of the mapping's keys, suggesting the closest valid key for each, as
     * {@code unknown key 'filter' in conv2d (layer 1); did you mean 'filters'? Valid keys: ...}. An unknown key
     * whose suggestion is not written is then read as that key, so the misspelling does not also give a
     * {@code missing 'filters'} error, and its value is still checked.
     *
     * <p>An unknown key with no close suggestion, in a mapping that lacks a required key, is one error that says
     * both, located at the unknown key: {@code unknown key 'dir' in data.train, which needs 'file' (a CSV file ...);
     * write 'file' instead of 'dir'}. {@link #require} then throws that same error, which {@link SpecErrors}
     * records once.
     */
    void allowOnly(MappingDefinition definition) {
        List<String> validKeys = definition.names();
        List<NodeTuple> unmatched = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> entry : List.copyOf(entries.entrySet())) {
            String key = entry.getKey();
            if (!validKeys.contains(key)) {
                entries.remove(key);
                Optional<String> meant = Suggestions.nearest(key, validKeys);
                meant.ifPresent(name -> entries.putIfAbsent(name, entry.getValue()));
                if (meant.isPresent()) {
                    errors.add(unknownKey(entry.getValue(), key, Suggestions.unknownWordHint(key, validKeys, "keys")));
                } else {
                    unmatched.add(entry.getValue());
                }
            }
        }
        List<KeyDefinition> missing = definition.keys().stream()
                .filter(key -> key.required() && !entries.containsKey(key.name()))
                .toList();
        for (NodeTuple entry : unmatched) {
            String key = YamlNodes.scalarText(entry.getKeyNode());
            if (entry == unmatched.get(0) && !missing.isEmpty()) {
                SpecException error = unknownKey(entry, key, needs(key, missing, validKeys));
                errors.add(error);
                missing.forEach(required -> told.put(required.name(), error));
            } else {
                errors.add(unknownKey(entry, key, Suggestions.unknownWordHint(key, validKeys, "keys")));
            }
        }
    }

    private SpecException unknownKey(NodeTuple entry, String key, String hint) {
        String where = owner == null ? "at the top level" : "in " + owner;
        return SpecException.at(
                YamlNodes.locate(file, entry.getKeyNode()), "unknown key '" + key + "' " + where + hint);
    }

    /** {@code , which needs 'file' (a CSV file ...); write 'file' instead of 'dir'}, then the other valid keys. */
    private static String needs(String key, List<KeyDefinition> missing, List<String> validKeys) {
        List<String> needed = missing.stream().map(KeyDefinition::name).toList();
        String what = missing.stream()
                .map(required -> "'" + required.name() + "'" + described(required))
                .collect(Collectors.joining(" and "));
        String fix = needed.size() == 1 ? "write '" + needed.get(0) + "'" : "write them";
        String others = validKeys.size() > needed.size() ? ". Valid keys: " + String.join(", ", validKeys) : "";
        return ", which needs " + what + "; " + fix + " instead of '" + key + "'" + others;
    }

    private static String described(KeyDefinition key) {
        JsonNode description = key.schema().get("description");
        return description == null ? "" : " (" + description.asText() + ")";
    }

    /**
     * The value of a key that must be present.
     *
     * @param example what to add if it is missing, such as {@code "width: 28"}
     * @throws SpecException {@code input is missing 'width'; add it, e.g. width: 28}
     */
    YamlValue require(String key, String example) throws SpecException {
        NodeTuple entry = entries.get(key);
        if (entry == null && told.containsKey(key)) {
            throw told.get(key);
        }
        if (entry == null) {
            String what = owner == null ? "the model file" : owner;
            throw SpecException.at(location, what + " is missing '" + key + "'; add it, e.g. " + example);
        }
        return new YamlValue(file, entry.getValueNode(), key, owner, errors);
    }

    /** Whether the key is written. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The converted value of a key, or the default if the key is absent. */
    <T> T valueOr(String key, T defaultValue, Conversion<T> conversion) throws SpecException {
        NodeTuple entry = entries.get(key);
        return entry == null
                ? defaultValue
                : conversion.convert(new YamlValue(file, entry.getValueNode(), key, owner, errors));
    }

    /** The keys and their values; a key that is not a name, or is repeated, is recorded and left out. */
    private static Map<String, NodeTuple> entries(Path file, MappingNode node, String owner, SpecErrors errors) {
        String where = owner == null ? "at the top level" : "in " + owner;
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple entry : node.getValue()) {
            Node keyNode = entry.getKeyNode();
            String key = YamlNodes.scalarText(keyNode);
            if (key == null) {
                errors.add(SpecException.at(
                        YamlNodes.locate(file, keyNode),
                        "a key " + where + " must be a name, but was " + YamlNodes.describe(keyNode)
                                + "; write keys as plain words, such as kernel: 5"));
                continue;
            }
            NodeTuple first = entries.putIfAbsent(key, entry);
            if (first != null) {
                SourceLocation firstKey = YamlNodes.locate(file, first.getKeyNode());
                errors.add(SpecException.at(
                        YamlNodes.locate(file, keyNode),
                        "duplicate key '" + key + "' " + where
                                + ", first written at line " + firstKey.line() + ", column " + firstKey.column()
                                + "; keep only one of them"));
            }
        }
        return entries;
    }
}

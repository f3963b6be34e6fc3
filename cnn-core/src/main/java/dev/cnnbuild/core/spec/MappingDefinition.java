package dev.cnnbuild.core.spec;

import java.util.List;

/**
 * The keys one mapping of the model file may hold: the readers accept exactly these
 * ({@link YamlMapping#allowOnly}) and {@link ModelFileSchema} writes them into the JSON Schema, so the two cannot
 * drift apart.
 *
 * @param keys the keys, in the order the documentation lists them
 */
record MappingDefinition(List<KeyDefinition> keys) {

    /** Copies the keys. */
    MappingDefinition {
        keys = List.copyOf(keys);
    }

    /** Returns a mapping of these keys. */
    static MappingDefinition of(KeyDefinition... keys) {
        return new MappingDefinition(List.of(keys));
    }

    /** Returns the key names, for {@link YamlMapping#allowOnly}. */
    List<String> names() {
        return keys.stream().map(KeyDefinition::name).toList();
    }
}

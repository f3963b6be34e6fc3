package dev.cnnbuild.core.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One key of a mapping of the model file: its name, whether it must be written, and the JSON Schema of its value,
 * which {@link ModelFileSchema} publishes for editors.
 *
 * @param name the key
 * @param required whether the reader requires it
 * @param schema the JSON Schema of its value, with a description
 */
record KeyDefinition(String name, boolean required, ObjectNode schema) {}

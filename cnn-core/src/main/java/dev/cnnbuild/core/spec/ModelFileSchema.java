package dev.cnnbuild.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of the model file, generated from the same definitions the reader validates
 * against, for editor completion and checks. The plugin's jar ships it as {@value #RESOURCE}; a model file names it
 * for the YAML language server with a first line such as
 * {@code # yaml-language-server: $schema=https://.../cnn-model.schema.json} or a path to a copy.
 *
 * <pre>{@code
 * String schema = ModelFileSchema.json();
 * }</pre>
 *
 * <p>The schema checks keys, types and ranges; what needs the whole file (shapes, a data format's required keys, a
 * class count matching {@code classNames}) is checked by {@link ModelSpecReader} and {@link ShapeInference} only.
 */
public final class ModelFileSchema {
    /** Where the plugin's jar holds the schema. */
    public static final String RESOURCE = "META-INF/cnn/cnn-model.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFileSchema() {}

    /** Returns the schema as indented JSON text, ending in a newline. */
    public static String json() {
        ObjectNode schema = ModelFileDefinitions.mapping(
                ModelFileDefinitions.TOP,
                "A CNN, its data and how to train it: the model file of cnn-build's Maven plugin.");
        ObjectNode root = JSON.createObjectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("title", "cnn-build model file");
        root.setAll(schema);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always becomes text", e);
        }
    }
}

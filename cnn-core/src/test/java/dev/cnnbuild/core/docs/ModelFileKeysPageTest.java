package dev.cnnbuild.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnnbuild.core.spec.ModelFileSchema;
import dev.cnnbuild.core.testing.MarkdownTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/model-file.md's tables against the definitions the reader validates against, read from the JSON Schema they
 * generate ({@link ModelFileSchema#json()}): every key with whether it is required, every data key with the formats
 * that take it, every layer, optimizer, schedule and augmentation with its parameters and which of them are required. A key
 * added to or removed from the definitions fails here, naming the row to add, change or remove.
 */
class ModelFileKeysPageTest {
    private static final Path PAGE = Path.of("../docs/model-file.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theKeysTableListsEveryKeyAndWhetherItIsRequired() throws IOException {
        JsonNode schema = JSON.readTree(ModelFileSchema.json());
        Map<String, Boolean> actual = new TreeMap<>();
        keys("", schema, actual);
        assertThat(actual).containsKeys("name", "input.channels", "training.epochs", "training.earlyStopping.metric");

        Map<String, Boolean> documented = new TreeMap<>();
        for (List<String> row : table("key", "required", "meaning").rows()) {
            documented.put(single(row.get(0)), row.get(1).startsWith("yes"));
        }
        List<String> problems = new ArrayList<>();
        actual.forEach((key, required) -> {
            if (!documented.containsKey(key)) {
                problems.add("key " + key + " is missing: add a row `" + key + "` | " + (required ? "yes" : "no")
                        + " | what it means");
            } else if (!documented.get(key).equals(required)) {
                problems.add("key " + key + " is " + (required ? "" : "not ") + "required: its row says otherwise");
            }
        });
        documented.keySet().stream()
                .filter(key -> !actual.containsKey(key))
                .forEach(key -> problems.add("key " + key + " does not exist: remove its row"));
        assertThat(problems).as("the keys table of %s", PAGE.normalize()).isEmpty();
    }

    @Test
    void theDataTableNamesEveryDataKeyWithTheFormatsThatTakeIt() throws IOException {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JsonNode format : data().get("oneOf")) {
            String name = format.at("/properties/format/enum/0").asText();
            format.get("properties")
                    .fieldNames()
                    .forEachRemaining(key ->
                            actual.computeIfAbsent(key, k -> new TreeSet<>()).add(name));
        }
        assertThat(actual).containsKeys("format", "train", "dir", "file", "testSplit", "normalize", "augment");
        Set<String> all = new TreeSet<>(actual.get("format"));

        Map<String, Set<String>> documented = new TreeMap<>();
        for (List<String> row : table("key", "formats", "meaning").rows()) {
            Set<String> formats =
                    row.get(1).strip().equals("all") ? all : new TreeSet<>(MarkdownTable.codeSpans(row.get(1)));
            for (String key : MarkdownTable.codeSpans(row.get(0))) {
                documented.computeIfAbsent(key, k -> new TreeSet<>()).addAll(formats);
            }
        }
        assertThat(documented)
                .as("the data table of %s: each data key with the formats that take it", PAGE.normalize())
                .isEqualTo(actual);
    }

    @Test
    void theLayerOptimizerAndAugmentationTablesListEveryParameter() throws IOException {
        JsonNode schema = JSON.readTree(ModelFileSchema.json());
        assertNamed("layer", schema.at("/properties/layers/items"), table("layer", "parameters", "output"));
        assertNamed(
                "optimizer", schema.at("/properties/training/properties/optimizer"), table("optimizer", "parameters"));
        assertNamed(
                "schedule",
                schema.at("/properties/training/properties/schedule"),
                table("schedule", "parameters", "learning rate of step k (after the warm-up)"));
        assertNamed(
                "augmentation",
                data().at("/oneOf/0/properties/augment/items"),
                table("augmentation", "parameters", "what it does"));
    }

    /** Each entry of a "named" choice ({@code - conv2d: {...}}, a bare {@code relu}): its parameters, required or not. */
    private static void assertNamed(String kind, JsonNode choice, MarkdownTable table) {
        Map<String, Map<String, Boolean>> actual = new TreeMap<>();
        for (JsonNode variant : choice.get("oneOf")) {
            if (variant.has("properties")) {
                String name = variant.get("properties").fieldNames().next();
                Map<String, Boolean> parameters = new TreeMap<>();
                keys("", variant.at("/properties/" + name + "/oneOf/0"), parameters);
                actual.put(name, parameters);
            }
        }
        assertThat(actual).isNotEmpty();
        Map<String, Map<String, Boolean>> documented = new TreeMap<>();
        for (List<String> row : table.rows()) {
            String parameters = row.get(1);
            int required = parameters.indexOf("(required");
            Set<String> requiredNames =
                    new TreeSet<>(MarkdownTable.codeSpans(required < 0 ? "" : parameters.substring(0, required)));
            Map<String, Boolean> described = new TreeMap<>();
            MarkdownTable.codeSpans(parameters).forEach(p -> described.put(p, requiredNames.contains(p)));
            MarkdownTable.codeSpans(row.get(0)).forEach(name -> documented.put(name, described));
        }
        assertThat(documented)
                .as("%s: each %s with its parameters (true: written before \"(required\")", table, kind)
                .isEqualTo(actual);
    }

    /** The keys of a mapping's schema, with their parents' names, recursing into plain mappings only. */
    private static void keys(String prefix, JsonNode mapping, Map<String, Boolean> keys) {
        Set<String> required = new TreeSet<>();
        mapping.path("required").forEach(name -> required.add(name.asText()));
        mapping.path("properties").fields().forEachRemaining(key -> {
            keys.put(prefix + key.getKey(), required.contains(key.getKey()));
            if (key.getValue().has("properties")) {
                keys(prefix + key.getKey() + ".", key.getValue(), keys);
            }
        });
    }

    private static JsonNode data() throws IOException {
        return JSON.readTree(ModelFileSchema.json()).at("/properties/data");
    }

    private static MarkdownTable table(String... header) throws IOException {
        return MarkdownTable.all(PAGE).stream()
                .filter(t -> t.header().equals(List.of(header)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        PAGE.normalize() + " has no table with the header | " + String.join(" | ", header) + " |"));
    }

    private static String single(String cell) {
        List<String> spans = MarkdownTable.codeSpans(cell);
        assertThat(spans).as("the key cell %s names one key", cell).hasSize(1);
        return spans.get(0);
    }
}

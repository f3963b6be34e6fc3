package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cnnbuild.core.spec.ModelFileSchema;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.SpecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The JSON Schema the plugin's jar ships is the one generated from the reader's definitions, and every model file in
 * the repository that the reader accepts validates against it, while the one it rejects for a misspelt key does not.
 */
class ModelFileSchemaTest {
    private static final Path SHIPPED = Path.of("src/main/resources").resolve(ModelFileSchema.RESOURCE);
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedSchemaIsTheGeneratedOne() throws Exception {
        assertThat(Files.readString(SHIPPED))
                .as("regenerate %s from ModelFileSchema.json()", SHIPPED)
                .isEqualTo(ModelFileSchema.json());
        assertThat(getClass().getClassLoader().getResource(ModelFileSchema.RESOURCE))
                .isNotNull();
    }

    @Test
    void everyModelFileTheReaderAcceptsValidatesAndTheMisspeltOneDoesNot() throws Exception {
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(ModelFileSchema.json());
        List<Path> modelFiles = modelFiles();
        assertThat(modelFiles)
                .hasSizeGreaterThan(20)
                .anyMatch(file -> file.endsWith("sample-project/src/main/cnn/digits-cnn.yaml"));

        for (Path file : modelFiles) {
            Set<ValidationMessage> problems = schema.validate(asJson(file));
            if (readerAccepts(file)) {
                assertThat(problems).as("%s", REPOSITORY.relativize(file)).isEmpty();
            } else {
                assertThat(problems).as("%s", REPOSITORY.relativize(file)).isNotEmpty();
            }
        }
    }

    private static List<Path> modelFiles() throws Exception {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(file -> file.toString().matches(".*/src/(main|alt)/cnn/[^/]+\\.ya?ml")
                            || file.endsWith("cnn-core/src/test/resources/spec/mnist-cnn.yaml"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean readerAccepts(Path file) throws Exception {
        try {
            ModelSpecReader.parse(file, Files.readString(file, StandardCharsets.UTF_8));
            return true;
        } catch (SpecException e) {
            return false;
        }
    }

    private static JsonNode asJson(Path file) throws Exception {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        return JSON.valueToTree(document);
    }
}

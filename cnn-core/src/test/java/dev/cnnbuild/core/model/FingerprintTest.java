package dev.cnnbuild.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.metrics.ToolVersions;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final String YAML = """
            name: pets
            input: {channels: 3, height: 8, width: 8}
            classes: 2
            layers:
              - flatten
              - linear: {units: 2}
            data:
              format: folder
              dir: images
              testSplit: 0.2
            training:
              epochs: 1
              batchSize: 4
              optimizer: {sgd: {learningRate: 0.1}}
              seed: 3
            """;

    @Test
    void withEngineGivesWhatTheFilesHashesGiveWithThoseVersions() throws Exception {
        ModelSpec spec = ModelSpecReader.parse(Path.of("pets.yaml"), YAML);
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("images/cat/1.png", "a".repeat(64));
        hashes.put("images/dog/2.png", "b".repeat(64));
        ToolVersions forecast = new ToolVersions("0.1.0", "0.33.0", "2.5.1");
        ToolVersions loaded = new ToolVersions("0.1.0", "0.33.0", "2.7.1");

        Fingerprint changed = Fingerprint.of(spec, hashes, forecast, "cpu").withEngine(loaded, "gpu");

        Fingerprint computed = Fingerprint.of(spec, hashes, loaded, "gpu");
        assertThat(changed.inputs()).containsExactlyEntriesOf(computed.inputs());
        assertThat(changed.value()).isEqualTo(computed.value());
        assertThat(changed.value())
                .isNotEqualTo(Fingerprint.of(spec, hashes, forecast, "cpu").value());
    }
}

package dev.cnnbuild.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFreshnessTest {
    private static final String YAML_HASH = "a".repeat(64);
    private static final Fingerprint TRAINED = fingerprint(YAML_HASH, "7", "cpu");

    @TempDir
    Path dir;

    @Test
    void sameFingerprintIsUpToDate() throws Exception {
        ModelDirectory directory = trained(TRAINED);

        assertThat(ModelFreshness.check(directory, TRAINED))
                .isEqualTo(new ModelFreshness(
                        true,
                        "fingerprint " + TRAINED.value().substring(0, 12) + " matches " + directory.fingerprint()));
    }

    @Test
    void changedInputsAreNamedWithTheirValuesUnlessTheyAreHashes() throws Exception {
        ModelDirectory directory = trained(TRAINED);

        ModelFreshness freshness = ModelFreshness.check(directory, fingerprint("b".repeat(64), "8", "gpu"));

        assertThat(freshness)
                .isEqualTo(new ModelFreshness(
                        false,
                        "inputs changed since " + directory.root()
                                + " was trained: yaml changed, seed changed (7 -> 8), device changed (cpu -> gpu)"));
    }

    @Test
    void verifiedDirectoryTrainedBeforeTheOnnxExportIsNotUpToDate() throws Exception {
        ModelDirectory directory = trained(TRAINED);
        Files.delete(directory.onnx());
        ModelManifest.write(directory);

        assertThat(ModelFreshness.check(directory, TRAINED))
                .isEqualTo(new ModelFreshness(
                        false,
                        directory.onnx() + " missing (trained before cnn:train wrote the network as ONNX;"
                                + " retraining adds it)"));
    }

    @Test
    void changedInputsOfADirectoryWithoutOnnxAreNamed() throws Exception {
        ModelDirectory directory = trained(TRAINED);
        Files.delete(directory.onnx());
        ModelManifest.write(directory);

        assertThat(ModelFreshness.check(directory, fingerprint(YAML_HASH, "8", "cpu"))
                        .reason())
                .isEqualTo("inputs changed since " + directory.root() + " was trained: seed changed (7 -> 8)");
    }

    @Test
    void missingModelDirectory() {
        ModelDirectory directory = ModelDirectory.of(dir, "tiny");

        assertThat(ModelFreshness.check(directory, TRAINED))
                .isEqualTo(new ModelFreshness(false, "no model yet at " + directory.root()));
    }

    @Test
    void incompleteModelDirectory() throws Exception {
        ModelDirectory directory = trained(TRAINED);
        Files.delete(directory.parameters());

        assertThat(ModelFreshness.check(directory, TRAINED))
                .isEqualTo(new ModelFreshness(false, directory.root() + " is incomplete (no parameters.params)"));
    }

    @Test
    void fileThatDoesNotMatchTheManifestIsNamed() throws Exception {
        ModelDirectory directory = trained(TRAINED);
        Files.writeString(directory.parameters(), "q");

        assertThat(ModelFreshness.check(directory, TRAINED))
                .isEqualTo(new ModelFreshness(
                        false,
                        directory.parameters() + " does not match " + directory.manifest()
                                + " (changed or damaged since it was trained)"));
    }

    @Test
    void fingerprintFileWhoseValueDoesNotMatchItsInputs() throws Exception {
        ModelDirectory directory = trained(TRAINED);
        Files.writeString(
                directory.fingerprint(),
                Files.readString(directory.fingerprint())
                        .replaceAll("fingerprint=.*", "fingerprint=" + "0".repeat(64)));
        ModelManifest.write(directory);

        assertThat(ModelFreshness.check(directory, TRAINED))
                .isEqualTo(new ModelFreshness(
                        false, directory.fingerprint() + " does not hold the fingerprint of its inputs"));
    }

    private ModelDirectory trained(Fingerprint fingerprint) throws Exception {
        ModelDirectory directory = ModelDirectory.of(Files.createDirectories(dir.resolve("tiny")));
        Files.writeString(directory.parameters(), "p");
        Files.writeString(directory.spec(), "name: tiny\n");
        Files.writeString(directory.metrics(), "{}");
        Files.writeString(directory.onnx(), "o");
        fingerprint.write(directory.fingerprint());
        ModelManifest.write(directory);
        return directory;
    }

    private static Fingerprint fingerprint(String yaml, String seed, String device) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("yaml", yaml);
        inputs.put("train.images", "c".repeat(64));
        inputs.put("seed", seed);
        inputs.put("djl", "0.36.0");
        inputs.put("device", device);
        return new Fingerprint(inputs);
    }
}

package dev.cnnbuild.core.model;

import dev.cnnbuild.core.files.Sha256;
import dev.cnnbuild.core.metrics.ToolVersions;
import dev.cnnbuild.core.spec.DatasetFiles;
import dev.cnnbuild.core.spec.ModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A SHA-256 over everything that changes a trained model: the YAML text, the content of the four IDX data files
 * or of every image file (one input {@code file:<path>} each, the file's path relative to the project, as
 * {@link ProjectPaths#named} gives it for {@link dev.cnnbuild.core.data.ModelData#files}),
 * the seed, the tool, DJL and PyTorch versions, and the device type. Two runs with the same fingerprint train the
 * same model, as far as the engine is deterministic.
 *
 * <pre>{@code
 * Fingerprint fingerprint = Fingerprint.of(spec, ToolVersions.current(), "cpu");
 * Map<String, String> hashes = cache.hashes(ProjectPaths.named(project, data.files()));
 * Fingerprint ofImages = Fingerprint.of(spec, hashes, ToolVersions.current(), "cpu");
 * fingerprint.write(directory.fingerprint());
 * }</pre>
 *
 * @param inputs each input's name and value (file contents by their SHA-256), in a fixed order
 */
public record Fingerprint(Map<String, String> inputs) {
    /** The name of the last line of {@code fingerprint.txt}, which holds {@link #value()}. */
    public static final String VALUE_KEY = "fingerprint";
    /** What the name of an image file's input starts with, as in {@code file:data/pets/train/cat/1.png}. */
    public static final String FILE_PREFIX = "file:";

    /**
     * Computes the fingerprint of a training run.
     *
     * @param spec the model spec
     * @param versions the tool, DJL and PyTorch versions
     * @param deviceType the device type, {@code cpu} or {@code gpu}
     * @return the fingerprint
     * @throws IOException if a data file cannot be read
     */
    public static Fingerprint of(ModelSpec spec, ToolVersions versions, String deviceType) throws IOException {
        return of(spec, Map.of(), versions, deviceType);
    }

    /**
     * Computes the fingerprint of a training run on image files.
     *
     * @param spec the model spec
     * @param fileHashes the SHA-256 of every image file (and CSV file) by its path relative to the project, such as
     *     {@code data/pets/train/cat/1.png}; empty for IDX data
     * @param versions the tool, DJL and PyTorch versions
     * @param deviceType the device type, {@code cpu} or {@code gpu}
     * @return the fingerprint
     * @throws IOException if an IDX data file cannot be read
     */
    public static Fingerprint of(
            ModelSpec spec, Map<String, String> fileHashes, ToolVersions versions, String deviceType)
            throws IOException {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("yaml", Sha256.of(spec.yaml().getBytes(StandardCharsets.UTF_8)));
        if (spec.data().isIdx()) {
            put(inputs, "train", spec.data().train());
            put(inputs, "test", spec.data().test());
        }
        fileHashes.forEach((name, hash) -> inputs.put(FILE_PREFIX + name, hash));
        inputs.put("seed", Long.toString(spec.training().seed()));
        inputs.put("cnnbuild", versions.cnnbuild());
        inputs.put("djl", versions.djl());
        inputs.put("pytorch", versions.pytorch());
        inputs.put("device", deviceType);
        return new Fingerprint(Collections.unmodifiableMap(inputs));
    }

    /**
     * Returns this fingerprint with other PyTorch and device inputs, as {@link #of} computes it for the same spec and
     * files with those versions, without the file hashes that {@link #of} needs: a caller keeps only the fingerprint
     * of a folder's images, not a second map of their hashes.
     *
     * <pre>{@code
     * Fingerprint loaded = forecast.withEngine(ToolVersions.withPyTorch("2.5.1"), "gpu");
     * }</pre>
     *
     * @param versions the tool, DJL and PyTorch versions
     * @param deviceType the device type, {@code cpu} or {@code gpu}
     * @return the fingerprint with those inputs, in the same order
     */
    public Fingerprint withEngine(ToolVersions versions, String deviceType) {
        Map<String, String> changed = new LinkedHashMap<>(inputs);
        changed.put("cnnbuild", versions.cnnbuild());
        changed.put("djl", versions.djl());
        changed.put("pytorch", versions.pytorch());
        changed.put("device", deviceType);
        return new Fingerprint(Collections.unmodifiableMap(changed));
    }

    /** Returns the hash over all inputs, in hexadecimal. */
    public String value() {
        return Sha256.of(lines().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the first 12 hexadecimal digits of {@link #value()}, enough to tell fingerprints apart in logs. */
    public String shortValue() {
        return value().substring(0, 12);
    }

    /** Writes the inputs, one {@code name=value} line each, and a last line {@code fingerprint=<value>}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, lines() + VALUE_KEY + "=" + value() + "\n");
    }

    /**
     * Reads a file that {@link #write} wrote.
     *
     * <pre>{@code
     * Map<String, String> stored = Fingerprint.readLines(directory.fingerprint());
     * stored.get("seed");          // "42"
     * stored.get("fingerprint");   // the value
     * }</pre>
     *
     * @param file the file
     * @return every {@code name=value} line, the last one {@code fingerprint}, in the file's order
     * @throws IOException if the file cannot be read
     */
    public static Map<String, String> readLines(Path file) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                lines.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return lines;
    }

    private String lines() {
        return inputs.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
    }

    private static void put(Map<String, String> inputs, String set, DatasetFiles files) throws IOException {
        inputs.put(set + ".images", Sha256.of(files.images()));
        inputs.put(set + ".labels", Sha256.of(files.labels()));
    }
}

package dev.cnnbuild.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a model directory already holds the model that a run with the given inputs would train, and if not, why:
 * it is missing or incomplete, a file of it does not match its manifest ({@link ModelManifest}), its
 * {@code fingerprint.txt} differs, and then in which inputs, or it was trained from the same inputs before
 * {@code cnn:train} wrote {@code model.onnx}, which the runtime and the test API do not need but an ONNX consumer
 * does.
 *
 * <pre>{@code
 * ModelFreshness freshness = ModelFreshness.check(ModelDirectory.of(output, "mnist-cnn"), fingerprint);
 * freshness.upToDate();   // false
 * freshness.reason();     // "inputs changed since target/cnn/mnist-cnn was trained: seed changed (7 -> 8)"
 * }</pre>
 *
 * @param upToDate whether the directory is complete, holds {@code model.onnx} (unless the network has a torchscript
 *     layer, which is not exported) and was trained from the same inputs
 * @param reason why, in words: {@code fingerprint 3f2a9b0c1d2e matches target/cnn/mnist-cnn/fingerprint.txt},
 *     {@code no model yet at target/cnn/mnist-cnn}, {@code target/cnn/mnist-cnn is incomplete (no manifest.sha256)},
 *     {@code target/cnn/mnist-cnn/parameters.params does not match target/cnn/mnist-cnn/manifest.sha256 (changed or
 *     damaged since it was trained)}, or
 *     {@code target/cnn/mnist-cnn/model.onnx missing (trained before cnn:train wrote the network as ONNX;
 *     retraining adds it)},
 *     {@code inputs changed since target/cnn/mnist-cnn was trained: yaml changed, train.images changed}, or for
 *     image files {@code file:data/pets/train/cat/1.png changed, file:data/pets/train/dog/7.png added} (each file
 *     by its path relative to the project; the first ten changes, then how many more)
 */
public record ModelFreshness(boolean upToDate, String reason) {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_NAMED_CHANGES = 10;

    /**
     * Compares a model directory with the inputs of a run.
     *
     * @param directory the model directory
     * @param fingerprint the run's fingerprint
     * @return the verdict
     */
    public static ModelFreshness check(ModelDirectory directory, Fingerprint fingerprint) {
        return check(directory, fingerprint, true);
    }

    /**
     * Compares a model directory with the inputs of a run whose network may not be exported to ONNX.
     *
     * <pre>{@code
     * ModelFreshness.check(directory, fingerprint, false);   // a network with a torchscript layer: no model.onnx
     * }</pre>
     *
     * @param directory the model directory
     * @param fingerprint the run's fingerprint
     * @param exportsOnnx whether the run writes {@code model.onnx}, so that a directory without it is stale; false
     *     for a network with a torchscript layer, which is not exported
     * @return the verdict
     */
    public static ModelFreshness check(ModelDirectory directory, Fingerprint fingerprint, boolean exportsOnnx) {
        if (!Files.exists(directory.root())) {
            return stale("no model yet at " + directory.root());
        }
        if (!directory.isComplete()) {
            return stale(directory.root() + " is incomplete (no " + String.join(", ", directory.missingFiles()) + ")");
        }
        try {
            ModelManifest.verify(directory);
        } catch (ModelIntegrityException e) {
            return stale(e.file() + " does not match " + directory.manifest() + " (changed or damaged since it was"
                    + " trained)");
        } catch (IOException e) {
            return stale(directory.root() + " cannot be read (" + e + ")");
        }
        Map<String, String> stored;
        try {
            stored = Fingerprint.readLines(directory.fingerprint());
        } catch (IOException e) {
            return stale(directory.fingerprint() + " cannot be read (" + e + ")");
        }
        if (fingerprint.value().equals(stored.remove(Fingerprint.VALUE_KEY))) {
            if (exportsOnnx && !Files.isRegularFile(directory.onnx())) {
                return stale(directory.onnx() + " missing (trained before cnn:train wrote the network as ONNX;"
                        + " retraining adds it)");
            }
            return new ModelFreshness(
                    true, "fingerprint " + fingerprint.shortValue() + " matches " + directory.fingerprint());
        }
        List<String> changes = changes(stored, fingerprint.inputs());
        return stale(
                changes.isEmpty()
                        ? directory.fingerprint() + " does not hold the fingerprint of its inputs"
                        : "inputs changed since " + directory.root() + " was trained: " + String.join(", ", changes));
    }

    private static List<String> changes(Map<String, String> stored, Map<String, String> current) {
        Set<String> names = new LinkedHashSet<>(current.keySet());
        names.addAll(stored.keySet());
        List<String> changes = new ArrayList<>();
        int more = 0;
        for (String name : names) {
            String before = stored.get(name);
            String now = current.get(name);
            if (!Objects.equals(before, now)) {
                if (changes.size() == MAX_NAMED_CHANGES) {
                    more++;
                    continue;
                }
                boolean showValues = before != null
                        && now != null
                        && !HASH.matcher(before).matches()
                        && !HASH.matcher(now).matches();
                String what = before == null ? " added" : now == null ? " removed" : " changed";
                changes.add(name + what + (showValues ? " (" + before + " -> " + now + ")" : ""));
            }
        }
        if (more > 0) {
            changes.add("and " + more + " more");
        }
        return changes;
    }

    private static ModelFreshness stale(String reason) {
        return new ModelFreshness(false, reason);
    }
}

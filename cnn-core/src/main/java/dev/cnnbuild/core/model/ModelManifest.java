package dev.cnnbuild.core.model;

import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.files.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hashes of a model directory's own files, {@value ModelDirectory#MANIFEST}: one line per file, SHA-256 and
 * name, in the format of {@code sha256sum}, so {@code sha256sum -c manifest.sha256} checks it by hand too. It covers
 * {@link #COVERED} ({@code parameters.params}, {@code model.yaml}, {@code metrics.json}, {@code fingerprint.txt}),
 * and those of {@link ModelDirectory#OPTIONAL_FILES} the directory holds ({@code test-split.txt},
 * {@code normalization.json}, {@code model.onnx}, and the torchscript modules {@code torchscript-layer1.pt} ...: one
 * added later is not trusted either; a directory trained before the ONNX export, or of a network with a torchscript
 * layer, without {@code model.onnx}, is still trusted); not {@code report.html}, which {@code cnn:check} rewrites and nothing reads back. It is written last, atomically,
 * once the other files are complete, so a directory with a manifest that matches is one that {@code cnn:train}
 * finished.
 *
 * <p>{@code cnn:train} {@link #verify}s it before it calls a model up to date (a mismatch retrains), and
 * {@code cnn:check} and the test API before they measure (a mismatch fails, naming the file).
 *
 * <pre>{@code
 * ModelManifest.write(directory);    // 1f0c...  parameters.params
 * ModelManifest.verify(directory);   // ModelIntegrityException: .../parameters.params does not match ...
 * }</pre>
 */
public final class ModelManifest {
    /** The files the manifest holds hashes of, in its order. */
    public static final List<String> COVERED =
            List.of(ModelDirectory.PARAMETERS, ModelDirectory.SPEC, ModelDirectory.METRICS, ModelDirectory.FINGERPRINT);

    private static final String RETRAIN = "retrain it: the next 'mvn cnn:train' (or any build that runs it) replaces"
            + " a model directory that does not match its manifest";

    private ModelManifest() {}

    /**
     * Writes the manifest of the files now in a model directory, replacing any older one atomically.
     *
     * @param directory the model directory, with all {@link #COVERED} files written
     * @throws IOException if a file cannot be read or the manifest cannot be written
     */
    public static void write(ModelDirectory directory) throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>(COVERED);
        ModelDirectory.OPTIONAL_FILES.stream()
                .filter(name -> Files.isRegularFile(directory.root().resolve(name)))
                .forEach(names::add);
        names.addAll(directory.moduleFiles());
        for (String name : names) {
            text.append(Sha256.of(directory.root().resolve(name)))
                    .append("  ")
                    .append(name)
                    .append('\n');
        }
        AtomicFiles.writeString(directory.manifest(), text.toString());
    }

    /**
     * Checks every covered file against the manifest.
     *
     * @param directory the model directory
     * @throws ModelIntegrityException naming the first file (in {@link #COVERED} order) that is missing or differs,
     *     or the manifest if it is missing, unreadable or has no line for a covered file; then an optional
     *     file ({@link ModelDirectory#OPTIONAL_FILES}) that differs from its line, or that is there without one
     * @throws IOException if a file exists but cannot be read
     */
    public static void verify(ModelDirectory directory) throws IOException {
        Map<String, String> expected = read(directory);
        for (String name : COVERED) {
            Path file = directory.root().resolve(name);
            String hash = expected.get(name);
            if (hash == null) {
                throw new ModelIntegrityException(
                        directory.manifest(),
                        directory.manifest() + " has no hash for " + name
                                + ", so the model directory cannot be trusted; " + RETRAIN);
            }
            if (!Files.isRegularFile(file)) {
                throw new ModelIntegrityException(file, file + " is missing from the model directory; " + RETRAIN);
            }
            if (!hash.equals(Sha256.of(file))) {
                throw new ModelIntegrityException(
                        file,
                        file + " does not match its SHA-256 in " + ModelDirectory.MANIFEST
                                + ": it was changed or damaged after training; " + RETRAIN);
            }
        }
        Set<String> optional = new LinkedHashSet<>(ModelDirectory.OPTIONAL_FILES);
        expected.keySet().stream()
                .filter(name -> ModelDirectory.MODULE_FILE.matcher(name).matches())
                .forEach(optional::add);
        optional.addAll(directory.moduleFiles());
        for (String name : optional) {
            Path file = directory.root().resolve(name);
            String hash = expected.get(name);
            if (hash == null && Files.exists(file)) {
                throw new ModelIntegrityException(
                        file,
                        file + " is not in " + ModelDirectory.MANIFEST + ": it was added after training; " + RETRAIN);
            }
            if (hash != null && !(Files.isRegularFile(file) && hash.equals(Sha256.of(file)))) {
                throw new ModelIntegrityException(
                        file,
                        file
                                + (Files.isRegularFile(file)
                                        ? " does not match its SHA-256 in " + ModelDirectory.MANIFEST
                                                + ": it was changed or damaged after training; "
                                        : " is missing from the model directory; ")
                                + RETRAIN);
            }
        }
    }

    private static Map<String, String> read(ModelDirectory directory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.manifest(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelIntegrityException(
                    directory.manifest(),
                    directory.manifest() + " is missing, so the"
                            + " model directory cannot be trusted (it was not finished by cnn:train, or was written by an"
                            + " older version); " + RETRAIN);
        } catch (IOException e) {
            throw new ModelIntegrityException(
                    directory.manifest(),
                    directory.manifest() + " cannot be read (" + e.getMessage() + "); " + RETRAIN);
        }
        return lines.stream()
                .map(line -> line.split(" {2}", 2))
                .filter(parts -> parts.length == 2)
                .collect(Collectors.toMap(parts -> parts[1], parts -> parts[0], (a, b) -> a, LinkedHashMap::new));
    }
}

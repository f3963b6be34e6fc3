package dev.cnnbuild.core.model;

import dev.cnnbuild.core.data.ImageSources;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.onnx.OnnxExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of a trained model directory, {@code target/cnn/<name>/}:
 * <ul>
 *   <li>{@code parameters.params}: the learnt parameters, in DJL's parameter format;</li>
 *   <li>{@code model.yaml}: the YAML the model was trained from, byte for byte;</li>
 *   <li>{@code metrics.json}: the training history and the final evaluation ({@link ModelMetrics});</li>
 *   <li>{@code report.html}: the report, when there is one;</li>
 *   <li>{@code fingerprint.txt}: a hash of every input that changes the result ({@link Fingerprint});</li>
 *   <li>{@code test-split.txt} and {@code normalization.json}, when the data need them ({@link #DATA_FILES}).</li>
 *   <li>{@code model.onnx}: the network in ONNX format ({@link OnnxExporter}), in a directory {@code cnn:train}
 *   wrote since it exports one.</li>
 *   <li>{@code manifest.sha256}: the SHA-256 of each file above but the report, written last ({@link ModelManifest}).
 *   </li>
 * </ul>
 *
 * <pre>{@code
 * ModelDirectory directory = ModelDirectory.of(Path.of("target/cnn"), "mnist-cnn");
 * boolean trained = directory.isComplete();
 * List<String> missing = directory.missingFiles();   // [fingerprint.txt]
 * }</pre>
 *
 * @param root the directory
 */
public record ModelDirectory(Path root) {
    /** File name of the parameters. */
    public static final String PARAMETERS = "parameters.params";
    /** File name of the copied YAML. */
    public static final String SPEC = "model.yaml";
    /** File name of the metrics. */
    public static final String METRICS = "metrics.json";
    /** File name of the report, which {@code cnn:train} writes and {@code cnn:check} rewrites. */
    public static final String REPORT = "report.html";
    /** File name of the fingerprint. */
    public static final String FINGERPRINT = "fingerprint.txt";
    /** File name of the manifest, the hashes of the other files. */
    public static final String MANIFEST = "manifest.sha256";
    /** The file names of a trained model, in the order above. */
    public static final List<String> FILES = List.of(PARAMETERS, SPEC, METRICS, FINGERPRINT, MANIFEST);
    /**
     * The files a model directory holds when its data need them to be tested as trained: the held-out test images
     * of a {@code testSplit}, and the normalisation of {@code data.normalize}.
     */
    public static final List<String> DATA_FILES = List.of(ImageSources.HELD_OUT_FILE, ChannelNormalization.FILE_NAME);
    /** File name of the network in ONNX format. */
    public static final String ONNX = OnnxExporter.FILE_NAME;
    /**
     * The files the manifest covers when the directory holds them: the {@link #DATA_FILES} and {@link #ONNX}, which
     * a directory trained before the export does not have.
     */
    public static final List<String> OPTIONAL_FILES =
            Stream.concat(DATA_FILES.stream(), Stream.of(ONNX)).toList();

    /** The names of the torchscript modules a model directory carries, as {@link #moduleFile} gives them. */
    public static final Pattern MODULE_FILE = Pattern.compile("torchscript-layer[1-9][0-9]*\\.pt");

    /**
     * The name under which a model directory carries the TorchScript file of a torchscript layer, as it was before
     * training; {@value #PARAMETERS} holds the module as trained.
     *
     * <pre>{@code
     * ModelDirectory.moduleFile(1);   // "torchscript-layer1.pt"
     * }</pre>
     *
     * @param layerIndex the layer's 1-based index
     * @return the file name
     */
    public static String moduleFile(int layerIndex) {
        return "torchscript-layer" + layerIndex + ".pt";
    }

    /** Returns the directory at {@code root}. */
    public static ModelDirectory of(Path root) {
        return new ModelDirectory(root);
    }

    /**
     * Returns the names of the torchscript modules the directory carries ({@link #MODULE_FILE}), sorted.
     *
     * @return the names; empty when it has none or cannot be listed
     */
    public List<String> moduleFiles() {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> MODULE_FILE.matcher(name).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Returns the directory of model {@code name} under an output folder such as {@code target/cnn}. */
    public static ModelDirectory of(Path outputDirectory, String name) {
        return new ModelDirectory(outputDirectory.resolve(name));
    }

    /** Returns the parameters file. */
    public Path parameters() {
        return root.resolve(PARAMETERS);
    }

    /** Returns the copied YAML file. */
    public Path spec() {
        return root.resolve(SPEC);
    }

    /** Returns the metrics file. */
    public Path metrics() {
        return root.resolve(METRICS);
    }

    /** Returns the report file. */
    public Path report() {
        return root.resolve(REPORT);
    }

    /** Returns the fingerprint file. */
    public Path fingerprint() {
        return root.resolve(FINGERPRINT);
    }

    /** Returns the ONNX file, which a directory trained before the export does not have. */
    public Path onnx() {
        return root.resolve(ONNX);
    }

    /** Returns the manifest file. */
    public Path manifest() {
        return root.resolve(MANIFEST);
    }

    /** Returns whether every file of a trained model is there. */
    public boolean isComplete() {
        return missingFiles().isEmpty();
    }

    /** Returns the names of the {@link #FILES} that are not there, in their order; empty if none is missing. */
    public List<String> missingFiles() {
        return FILES.stream()
                .filter(name -> !Files.isRegularFile(root.resolve(name)))
                .toList();
    }
}

package dev.cnnbuild.core.model;

import ai.djl.nn.Block;
import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.metrics.ModelMetrics;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a trained model directory whole or not at all, its manifest ({@link ModelManifest}) last, with {@link AtomicFiles#writeFolder}: everything goes to a
 * hidden temporary folder beside the target, which is then moved into place in one rename. A build killed while
 * writing leaves only that hidden folder, which the next write removes; the previous model, if any, stays until the
 * new one is complete.
 *
 * <pre>{@code
 * ModelDirectory written = ModelDirectoryWriter.write(Path.of("target/cnn"), spec, network, metrics, fingerprint);
 * }</pre>
 */
public final class ModelDirectoryWriter {

    private ModelDirectoryWriter() {}

    /**
     * Writes the model directory {@code outputDirectory/<name>}, replacing an older one.
     *
     * @param outputDirectory the folder that holds model directories, such as {@code target/cnn}
     * @param name the model's name
     * @param yaml the YAML text it was trained from
     * @param network the trained network
     * @param metrics its metrics
     * @param fingerprint the fingerprint of its inputs
     * @return the written directory
     * @throws IOException if writing fails; then nothing is left at the target but an older complete model
     */
    public static ModelDirectory write(
            Path outputDirectory,
            String name,
            String yaml,
            Block network,
            ModelMetrics metrics,
            Fingerprint fingerprint)
            throws IOException {
        return write(outputDirectory, name, yaml, network, metrics, fingerprint, null);
    }

    /**
     * Writes the model directory {@code outputDirectory/<name>} with its {@code report.html}, replacing an older
     * one.
     *
     * @param outputDirectory the folder that holds model directories, such as {@code target/cnn}
     * @param name the model's name
     * @param yaml the YAML text it was trained from
     * @param network the trained network
     * @param metrics its metrics
     * @param fingerprint the fingerprint of its inputs
     * @param reportHtml the report's HTML, or {@code null} for none
     * @return the written directory
     * @throws IOException if writing fails; then nothing is left at the target but an older complete model
     */
    public static ModelDirectory write(
            Path outputDirectory,
            String name,
            String yaml,
            Block network,
            ModelMetrics metrics,
            Fingerprint fingerprint,
            String reportHtml)
            throws IOException {
        return write(outputDirectory, name, yaml, network, metrics, fingerprint, reportHtml, Map.of(), Map.of(), null);
    }

    /**
     * Writes the model directory {@code outputDirectory/<name>} with its {@code report.html}, the files its data
     * need when it is tested, such as the list of held-out test images, and the network in ONNX format, replacing an
     * older one.
     *
     * <pre>{@code
     * ModelDirectoryWriter.write(output, spec.name(), spec.yaml(), network, metrics, fingerprint, html,
     *         data.directoryFiles(), Map.of(), OnnxExporter.export(spec, network));   // {test-split.txt=...}, model.onnx
     * }</pre>
     *
     * @param outputDirectory the folder that holds model directories, such as {@code target/cnn}
     * @param name the model's name
     * @param yaml the YAML text it was trained from
     * @param network the trained network
     * @param metrics its metrics
     * @param fingerprint the fingerprint of its inputs
     * @param reportHtml the report's HTML, or {@code null} for none
     * @param dataFiles text files to write beside them, by file name
     * @param copiedFiles files to copy into the directory, by their name there, such as the torchscript modules
     *     ({@link ModelDirectory#moduleFile})
     * @param onnx the network in ONNX format, written as {@value ModelDirectory#ONNX}, or {@code null} for none
     * @return the written directory
     * @throws IOException if writing fails; then nothing is left at the target but an older complete model
     */
    public static ModelDirectory write(
            Path outputDirectory,
            String name,
            String yaml,
            Block network,
            ModelMetrics metrics,
            Fingerprint fingerprint,
            String reportHtml,
            Map<String, String> dataFiles,
            Map<String, Path> copiedFiles,
            byte[] onnx)
            throws IOException {
        ModelDirectory target = ModelDirectory.of(outputDirectory, name);
        AtomicFiles.writeFolder(target.root(), staging -> {
            ModelDirectory staged = ModelDirectory.of(staging);
            stage(staged, yaml, network, metrics, fingerprint);
            if (reportHtml != null) {
                Files.writeString(staged.report(), reportHtml);
            }
            for (Map.Entry<String, String> file : dataFiles.entrySet()) {
                Files.writeString(staging.resolve(file.getKey()), file.getValue());
            }
            for (Map.Entry<String, Path> file : copiedFiles.entrySet()) {
                Files.copy(file.getValue(), staging.resolve(file.getKey()));
            }
            if (onnx != null) {
                Files.write(staged.onnx(), onnx);
            }
            ModelManifest.write(staged);
        });
        return target;
    }

    private static void stage(
            ModelDirectory staged, String yaml, Block network, ModelMetrics metrics, Fingerprint fingerprint)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(staged.parameters());
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out))) {
            network.saveParameters(data);
        }
        Files.writeString(staged.spec(), yaml);
        metrics.write(staged.metrics());
        fingerprint.write(staged.fingerprint());
    }
}

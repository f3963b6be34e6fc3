package dev.cnnbuild.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest holds sha256sum lines for the model's files, and loading checks them first. */
class ModelManifestTest {
    @TempDir
    Path dir;

    @Test
    void holdsTheHashOfEveryFileButTheReportInSha256sumFormat() throws Exception {
        ModelDirectory directory = TinyDataset.train(TinyDataset.writeModel(dir, "tiny", ""), dir.resolve("out"));

        StringBuilder expected = new StringBuilder();
        List<String> names = new ArrayList<>(ModelManifest.COVERED);
        names.add(ModelDirectory.ONNX);
        for (String name : names) {
            expected.append(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(Files.readAllBytes(directory.root().resolve(name)))))
                    .append("  ")
                    .append(name)
                    .append('\n');
        }
        assertThat(Files.readString(directory.manifest())).isEqualTo(expected.toString());
        ModelManifest.verify(directory);
    }

    @Test
    void rewritingTheReportKeepsTheModelTrusted() throws Exception {
        ModelDirectory directory = TinyDataset.train(TinyDataset.writeModel(dir, "tiny", ""), dir.resolve("out"));
        Files.writeString(directory.report(), "<html>rewritten by cnn:check</html>");

        ModelManifest.verify(directory);
    }

    @Test
    void loadingATruncatedModelNamesTheFileInsteadOfFailingToRead() throws Exception {
        ModelDirectory directory = TinyDataset.train(TinyDataset.writeModel(dir, "tiny", ""), dir.resolve("out"));
        Files.write(directory.parameters(), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> LoadedModel.load(directory, dir, Device.cpu()))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(directory.parameters() + " does not match its SHA-256 in manifest.sha256")
                .extracting(e -> ((ModelIntegrityException) e).file())
                .isEqualTo(directory.parameters());
    }

    @Test
    void aDataFileAddedAfterTrainingIsNotTrusted() throws Exception {
        ModelDirectory directory = TinyDataset.train(TinyDataset.writeModel(dir, "tiny", ""), dir.resolve("out"));
        Path added = directory.root().resolve(ModelDirectory.DATA_FILES.get(1));
        Files.writeString(added, "{\"mean\": [0.5], \"std\": [0.1]}");

        assertThatThrownBy(() -> ModelManifest.verify(directory))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(added + " is not in manifest.sha256: it was added after training");
    }

    @Test
    void aManifestWithoutALineForAFileIsNotTrusted() throws Exception {
        ModelDirectory directory = TinyDataset.train(TinyDataset.writeModel(dir, "tiny", ""), dir.resolve("out"));
        Files.writeString(
                directory.manifest(),
                Files.readString(directory.manifest())
                        .lines()
                        .filter(line -> !line.endsWith("metrics.json"))
                        .map(line -> line + "\n")
                        .reduce("", String::concat));

        assertThatThrownBy(() -> ModelManifest.verify(directory))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(directory.manifest() + " has no hash for metrics.json");
    }
}

package dev.cnnbuild.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackagerTest {
    @TempDir
    Path dir;

    private Path output;

    @BeforeEach
    void writeModels() throws Exception {
        output = dir.resolve("cnn");
        fakeModel("alpha");
        fakeModel("beta");
        Files.createDirectories(output.resolve(".gamma.partial"));
        Files.createDirectories(output.resolve("half"))
                .resolve(ModelDirectory.SPEC)
                .toFile()
                .createNewFile();
    }

    @Test
    void onlyCompleteVisibleModelsArePackaged() throws Exception {
        assertThat(ModelPackager.completeModels(output))
                .extracting(m -> m.root().getFileName().toString())
                .containsExactly("alpha", "beta");
        assertThat(ModelPackager.completeModels(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void copiesModelsUnderTheClasspathFolder() throws Exception {
        Path classes = dir.resolve("classes");

        ModelPackager.copyToClasspath(ModelPackager.completeModels(output), classes);

        assertThat(classes.resolve("cnn/alpha/parameters.params")).hasContent("alpha parameters.params");
        assertThat(classes.resolve("cnn/beta/metrics.json")).hasContent("beta metrics.json");
    }

    @Test
    void zipsOneFolderPerModel() throws Exception {
        Path archive = dir.resolve("target/models.zip");

        ModelPackager.zip(ModelPackager.completeModels(output), archive);

        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries)
                .containsExactly(
                        "alpha/parameters.params",
                        "alpha/model.yaml",
                        "alpha/metrics.json",
                        "alpha/fingerprint.txt",
                        "alpha/manifest.sha256",
                        "beta/parameters.params",
                        "beta/model.yaml",
                        "beta/metrics.json",
                        "beta/fingerprint.txt",
                        "beta/manifest.sha256");
    }

    private void fakeModel(String name) throws Exception {
        Path root = Files.createDirectories(output.resolve(name));
        for (String file : ModelManifest.COVERED) {
            Files.writeString(root.resolve(file), name + " " + file);
        }
        ModelManifest.write(ModelDirectory.of(root));
    }
}

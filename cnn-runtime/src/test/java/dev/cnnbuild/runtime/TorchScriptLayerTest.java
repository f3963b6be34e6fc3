package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyBackbone;
import dev.cnnbuild.core.testing.TinyDataset;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose first layer is a frozen TorchScript backbone classifies in an application: from its directory, and
 * from the class path, where only the manifest tells which module copies to fetch.
 */
class TorchScriptLayerTest {
    @TempDir
    Path dir;

    @Test
    void classifiesFromItsDirectoryAndFromTheClassPathAlike() throws Exception {
        Path yaml = TinyBackbone.writeModel(dir, "{file: backbone.pt, output: [16], trainable: false}", 3);
        ModelDirectory model = TinyDataset.train(yaml, dir.resolve("out"));
        List<Path> images =
                TrainedModels.writePngs(IdxReader.readImages(dir.resolve("test-images.idx3.gz")), dir.resolve("png"));
        int[] labels = IdxReader.readLabels(dir.resolve("test-labels.idx1.gz"));
        Path classes = dir.resolve("classes/cnn/tuned");
        Files.createDirectories(classes);
        try (Stream<Path> files = Files.list(model.root())) {
            for (Path file : files.toList()) {
                Files.copy(file, classes.resolve(file.getFileName()));
            }
        }

        List<Classification> fromDirectory;
        List<Classification> fromClasspath;
        try (CnnClassifier classifier = CnnClassifier.load(model.root())) {
            fromDirectory = classifier.classifyAll(images);
        }
        try (URLClassLoader loader = new URLClassLoader(
                        new URL[] {dir.resolve("classes").toUri().toURL()}, null);
                CnnClassifier classifier = CnnClassifier.fromClasspath("cnn/tuned", loader)) {
            fromClasspath = classifier.classifyAll(images);
        }

        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += fromDirectory.get(i).index() == labels[i] ? 1 : 0;
        }
        assertThat(correct).isGreaterThanOrEqualTo(labels.length * 9L / 10);
        assertThat(fromClasspath).isEqualTo(fromDirectory);
        assertThat(model.onnx()).doesNotExist();
    }
}

package dev.cnnbuild.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelManifest;
import dev.cnnbuild.core.testing.TinyImages;
import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.ClassifierConsistency;
import dev.cnnbuild.runtime.ClassifierErrorCases;
import dev.cnnbuild.runtime.CnnClassifierException;
import dev.cnnbuild.runtime.TrainedModels;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the ONNX classifier refuses and how it says so (a directory without {@code model.onnx}, one ONNX Runtime cannot
 * read), the class path, and threads sharing one classifier; with the cases every classifier shares
 * ({@link ClassifierErrorCases}).
 */
class OnnxClassifierTest extends ClassifierErrorCases {

    @Override
    protected Classifier load(Path directory) {
        return OnnxClassifier.load(directory);
    }

    @Override
    protected String runFile() {
        return ModelDirectory.ONNX;
    }

    @Test
    void aDirectoryWithoutModelOnnxIsRefusedNamingTheTorchScriptReasonAndThePyTorchRuntime() throws Exception {
        // what cnn:train leaves for a network with a TorchScript layer: a verified directory with no model.onnx
        Path copy = copyOf(tiny.root(), dir.resolve("torchscript"));
        Files.delete(copy.resolve(ModelDirectory.ONNX));
        ModelManifest.write(ModelDirectory.of(copy));
        ModelManifest.verify(ModelDirectory.of(copy));

        assertThatThrownBy(() -> OnnxClassifier.load(copy))
                .isInstanceOf(CnnClassifierException.class)
                .hasMessageStartingWith(copy.resolve(ModelDirectory.ONNX) + " does not exist: cnn:train writes"
                        + " model.onnx for a network built from the model file's own layers, but not for one with a"
                        + " TorchScript layer")
                .hasMessageContaining("classify this model with cnn-runtime's CnnClassifier (PyTorch)");
    }

    @Test
    void aModelOnnxThatOnnxRuntimeCannotReadIsRefusedNamingTheFile() throws Exception {
        Path copy = copyOf(tiny.root(), dir.resolve("garbage"));
        Files.writeString(copy.resolve(ModelDirectory.ONNX), "not a protobuf");
        ModelManifest.write(ModelDirectory.of(copy));

        assertThatThrownBy(() -> OnnxClassifier.load(copy))
                .isInstanceOf(CnnClassifierException.class)
                .hasMessageStartingWith(copy.resolve(ModelDirectory.ONNX) + " cannot be run by ONNX Runtime (")
                .hasMessageEndingWith("); retrain the model with 'mvn cnn:train -Dcnn.force=true'");
    }

    @Test
    void aModelOnTheClassPathLoadsAndATamperedOneIsRefusedByItsResourceName() throws Exception {
        Path classes = dir.resolve("classes");
        copyOf(tiny.root(), classes.resolve("cnn/tiny"));
        Path grey = TinyImages.solid(dir.resolve("grey.png"), 8, 8, 0x808080, "png");
        try (URLClassLoader loader =
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
                OnnxClassifier classifier = OnnxClassifier.fromClasspath("cnn/tiny", loader)) {
            assertThat(classifier.labels()).containsExactly("0", "1");
            assertThat(classifier.classify(grey).probabilities()).hasSize(2);
        }

        Path spec = classes.resolve("cnn/tiny").resolve(ModelDirectory.SPEC);
        Files.writeString(spec, Files.readString(spec).replace("epochs: 3", "epochs: 4"));
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> OnnxClassifier.fromClasspath("cnn/tiny", loader))
                    .isInstanceOf(CnnClassifierException.class)
                    .hasMessageStartingWith("classpath:cnn/tiny/model.yaml does not match its SHA-256 in"
                            + " manifest.sha256: it was changed or damaged after training; retrain it");
        }
    }

    @Test
    void threadsClassifyingAtOnceGetTheSingleThreadedResults() throws Exception {
        ModelDirectory model = TrainedModels.mnist(dir.resolve("mnist"), 100);
        List<Path> pngs = TrainedModels.mnistTestPngs(64, dir.resolve("png"));
        try (OnnxClassifier classifier = OnnxClassifier.load(model.root())) {
            ClassifierConsistency.assertThreadsGetTheSingleThreadedResults(classifier, pngs);
        }
    }
}

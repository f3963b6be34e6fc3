package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelIntegrityException;
import dev.cnnbuild.core.model.ModelManifest;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every classifier refuses, and how it says so, whatever engine runs it: a tampered model directory, a missing
 * one, and calls after closing. Each runtime's error test extends it with how it loads a model and which file of the
 * directory it runs; it comes to {@code cnn-runtime-onnx} in this module's test jar.
 *
 * <pre>{@code
 * class OnnxClassifierTest extends ClassifierErrorCases {
 *     protected Classifier load(Path directory) { return OnnxClassifier.load(directory); }
 *     protected String runFile() { return ModelDirectory.ONNX; }
 * }
 * }</pre>
 */
public abstract class ClassifierErrorCases {
    @TempDir
    static Path trained;

    /** The tiny model the cases run, trained once per test class. */
    protected static ModelDirectory tiny;

    /** A fresh folder for each test. */
    @TempDir
    protected Path dir;

    @BeforeAll
    static void train() throws Exception {
        tiny = TrainedModels.tiny(trained);
    }

    /**
     * Loads a model directory with the runtime under test.
     *
     * @param directory the model directory
     * @return its classifier
     */
    protected abstract Classifier load(Path directory);

    /**
     * Returns the file of a model directory the runtime under test runs, such as {@link ModelDirectory#PARAMETERS}.
     *
     * @return its name in the directory
     */
    protected abstract String runFile();

    @Test
    void aTamperedDirectoryIsRefusedWithTheMessageTheCheckGives() throws Exception {
        Path copy = copyOf(tiny.root(), dir.resolve("tampered"));
        byte[] bytes = Files.readAllBytes(copy.resolve(runFile()));
        bytes[bytes.length - 1] ^= 1;
        Files.write(copy.resolve(runFile()), bytes);
        Throwable expected = catchThrowable(() -> ModelManifest.verify(ModelDirectory.of(copy)));
        assertThat(expected).isInstanceOf(ModelIntegrityException.class);

        assertThatThrownBy(() -> load(copy))
                .isInstanceOf(CnnClassifierException.class)
                .hasMessage(expected.getMessage())
                .hasMessageStartingWith(copy.resolve(runFile()) + " does not match its SHA-256")
                .hasCauseInstanceOf(ModelIntegrityException.class);
    }

    @Test
    void aMissingDirectorySaysSoAndHowToMakeOne() {
        Path missing = dir.resolve("target/cnn/nothing");
        assertThatThrownBy(() -> load(missing))
                .isInstanceOf(CnnClassifierException.class)
                .hasMessage("model directory " + missing + " does not exist; train the model with 'mvn cnn:train'"
                        + " (it writes target/cnn/<name>/) and give that directory");
    }

    @Test
    void aClosedClassifierRefusesWork() throws Exception {
        Path png = TinyImages.solid(dir.resolve("ok.png"), 8, 8, 0x404040, "png");
        Classifier classifier = load(tiny.root());
        classifier.close();
        classifier.close();
        assertThatThrownBy(() -> classifier.classify(png))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith(" is closed");
    }

    /**
     * Copies the files of a folder, not its subfolders, into another.
     *
     * @param from the folder copied
     * @param to the copy, made if missing
     * @return {@code to}
     */
    protected static Path copyOf(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}

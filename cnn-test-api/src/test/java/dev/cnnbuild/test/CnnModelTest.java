package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.test.fixtures.BandsModel;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnModelTest {
    @TempDir
    Path dir;

    @Test
    void loadsByNameFromAnOutputFolderAndMeasuresInsteadOfCopying() throws Exception {
        ModelDirectory directory = BandsModel.writeDefault();
        try (CnnModel model = CnnModel.load(BandsModel.OUTPUT, "bands")) {
            assertThat(model.name()).isEqualTo("bands");
            assertThat(model.origin())
                    .isEqualTo("model directory "
                            + directory.root().toAbsolutePath().normalize());
            assertThat(model.classes()).isEqualTo(3);
            assertThat(ModelMetrics.read(directory.metrics()).test().accuracy()).isEqualTo(1.0);
            assertThat(model.evaluate(model.testSet().orElseThrow()).accuracy()).isEqualTo(2840 / 3000.0);
        }
    }

    @Test
    void outputFolderComesFromTheSystemProperty() {
        String before = System.getProperty(CnnModel.OUTPUT_DIRECTORY_PROPERTY);
        try {
            System.clearProperty(CnnModel.OUTPUT_DIRECTORY_PROPERTY);
            assertThat(CnnModel.outputDirectory())
                    .isEqualTo(Path.of("target/cnn").toAbsolutePath());
            System.setProperty(CnnModel.OUTPUT_DIRECTORY_PROPERTY, BandsModel.OUTPUT.toString());
            BandsModel.writeDefault();
            try (CnnModel model = CnnModel.load("bands")) {
                assertThat(model.parameterCount()).isEqualTo(111);
            }
        } finally {
            if (before == null) {
                System.clearProperty(CnnModel.OUTPUT_DIRECTORY_PROPERTY);
            } else {
                System.setProperty(CnnModel.OUTPUT_DIRECTORY_PROPERTY, before);
            }
        }
    }

    @Test
    void evaluationDeviceComesFromTheSystemPropertyAndAGpuThatIsNotHereFailsClearly() throws Exception {
        BandsModel.writeDefault();
        String before = System.getProperty(CnnModel.DEVICE_PROPERTY);
        try {
            System.setProperty(CnnModel.DEVICE_PROPERTY, "gpu");
            assertThatThrownBy(() -> CnnModel.load(BandsModel.OUTPUT, "bands"))
                    .isInstanceOf(CnnModelException.class)
                    .hasMessageEndingWith("evaluation device 'gpu' was asked for, but the PyTorch engine sees no"
                            + " usable CUDA GPU; use -Dcnn.device=auto or cpu");
            System.setProperty(CnnModel.DEVICE_PROPERTY, "cpu");
            try (CnnModel model = CnnModel.load(BandsModel.OUTPUT, "bands")) {
                assertThat(model.parameterCount()).isEqualTo(111);
            }
        } finally {
            if (before == null) {
                System.clearProperty(CnnModel.DEVICE_PROPERTY);
            } else {
                System.setProperty(CnnModel.DEVICE_PROPERTY, before);
            }
        }
    }

    @Test
    void missingModelSaysWhereItLookedAndWhichGoalMakesIt() {
        assertThatThrownBy(() -> CnnModel.load(dir, "mnist-cnn"))
                .isInstanceOf(CnnModelException.class)
                .hasMessage("No trained model mnist-cnn in output folder " + dir + ": " + dir.resolve("mnist-cnn")
                        + " does not exist. Model directories are written by the goal cnn:train of"
                        + " cnn-maven-plugin, which runs in phase process-classes: run 'mvn verify' (or"
                        + " 'mvn process-classes' before running the tests from an IDE). The output folder is system"
                        + " property cnn.outputDirectory, else target/cnn in the working directory.");
    }

    @Test
    void incompleteModelSaysWhatIsMissing() throws Exception {
        Path half = Files.createDirectories(dir.resolve("half"));
        Files.writeString(half.resolve("model.yaml"), "name: half\n");

        assertThatThrownBy(() -> CnnModel.load(half))
                .isInstanceOf(CnnModelException.class)
                .hasMessage("No complete trained model at " + half + ": missing parameters.params,"
                        + " metrics.json, fingerprint.txt, manifest.sha256 (a model directory holds parameters.params,"
                        + " model.yaml, metrics.json, fingerprint.txt, manifest.sha256). Give the path of a whole model directory, as the goal"
                        + " cnn:train of cnn-maven-plugin writes it; a copied or unpacked one needs all of its files.");
        assertThatThrownBy(() -> CnnModel.load(dir.resolve("nowhere")))
                .hasMessage("No trained model at " + dir.resolve("nowhere") + ": the directory does not exist. Give"
                        + " the path of a whole model directory, as the goal cnn:train of cnn-maven-plugin writes it;"
                        + " a copied or unpacked one needs all of its files.");
    }

    @Test
    void incompleteModelInTheOutputFolderSaysHowToTrainIt() throws Exception {
        Files.createDirectories(dir.resolve("part"));

        assertThatThrownBy(() -> CnnModel.load(dir, "part"))
                .hasMessage("No complete trained model at " + dir.resolve("part") + ": missing parameters.params,"
                        + " model.yaml, metrics.json, fingerprint.txt, manifest.sha256 (a model directory holds"
                        + " parameters.params, model.yaml, metrics.json, fingerprint.txt, manifest.sha256). Model directories are written by the goal"
                        + " cnn:train of cnn-maven-plugin, which runs in phase process-classes: run 'mvn verify' (or"
                        + " 'mvn process-classes' before running the tests from an IDE). The output folder is system"
                        + " property cnn.outputDirectory, else target/cnn in the working directory.");
    }

    @Test
    void loadsAModelPackagedInAJar() throws Exception {
        ModelDirectory directory = BandsModel.writeDefault();
        Path jar = dir.resolve("models.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : ModelDirectory.FILES) {
                out.putNextEntry(new JarEntry("cnn/bands/" + name));
                Files.copy(directory.root().resolve(name), (OutputStream) out);
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            CnnModel model = CnnModel.fromClasspath("cnn/bands", loader);
            Path copy;
            try (model) {
                assertThat(model.origin()).isEqualTo("class path folder cnn/bands");
                TestSet given = TestSet.idx(
                        BandsModel.OUTPUT.resolve("bands-source/test-images.idx3.gz"),
                        BandsModel.OUTPUT.resolve("bands-source/test-labels.idx1.gz"));
                assertThat(model.evaluate(given).correct()).isEqualTo(2840);
                copy = tempCopies().get(0);
            }
            assertThat(copy).doesNotExist();

            assertThatThrownBy(() -> CnnModel.fromClasspath("cnn/other", loader))
                    .isInstanceOf(CnnModelException.class)
                    .hasMessage("No complete trained model on the class path at cnn/other/: missing parameters.params,"
                            + " model.yaml, metrics.json, fingerprint.txt, manifest.sha256. Package a model directory"
                            + " (target/cnn/<name>/) as resources under cnn/other/, all its files:"
                            + " parameters.params, model.yaml, metrics.json, fingerprint.txt, manifest.sha256.");
        }
    }

    @Test
    void evaluatesOncePerTestSetEvenFromManyThreads() throws Exception {
        try (CnnModel model = BandsModel.load()) {
            TestSet a = TestSet.idx(
                    BandsModel.OUTPUT.resolve("bands-source/test-images.idx3.gz"),
                    BandsModel.OUTPUT.resolve("bands-source/test-labels.idx1.gz"));
            TestSet b = TestSet.idx(
                    "same files",
                    BandsModel.OUTPUT.resolve("bands-source/test-images.idx3.gz"),
                    BandsModel.OUTPUT.resolve("bands-source/test-labels.idx1.gz"));
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Evaluation>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(() -> model.evaluate(a));
                }
                List<Evaluation> evaluations = new ArrayList<>();
                for (Future<Evaluation> f : threads.invokeAll(calls)) {
                    evaluations.add(f.get());
                }
                assertThat(evaluations).allSatisfy(e -> assertThat(e).isSameAs(model.evaluate(b)));
            } finally {
                threads.shutdown();
            }
            assertThat(model.latency(4)).isSameAs(model.latency(4));
        }
    }

    @Test
    void closedModelRefusesWork() {
        CnnModel model = BandsModel.load();
        model.close();
        model.close();

        assertThatThrownBy(() -> model.evaluate(model.testSet().orElseThrow()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(model + " is closed");
    }

    @Test
    void unreadableTestSetSaysHowToNameAnother() throws Exception {
        try (CnnModel model = BandsModel.load()) {
            TestSet missing = TestSet.idx(dir.resolve("x-images.idx3"), dir.resolve("x-labels.idx1"));
            assertThatThrownBy(() -> model.evaluate(missing))
                    .isInstanceOf(CnnModelException.class)
                    .hasMessageStartingWith("Cannot evaluate model bands on x-images.idx3: "
                            + dir.resolve("x-images.idx3") + " does not exist");
        }
    }

    @Test
    void engineRunsOffline() {
        BandsModel.load().close();

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }

    private static List<Path> tempCopies() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("cnn-model-"))
                    .filter(p -> Files.exists(p.resolve("model.yaml")))
                    .toList();
        }
    }
}

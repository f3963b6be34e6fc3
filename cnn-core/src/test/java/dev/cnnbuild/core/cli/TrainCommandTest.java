package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelMetrics;
import dev.cnnbuild.core.testing.TinyDataset;
import dev.cnnbuild.core.training.EpochMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command trains only when the model is missing or its inputs changed, and resumes after a kill. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void upToDateModelIsNotTrainedAgain() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        ModelDirectory directory = ModelDirectory.of(output, "tiny");
        assertThat(run(output, yaml)).startsWith("tiny: training: no model yet at " + directory.root() + "\n");
        byte[] parameters = Files.readAllBytes(directory.parameters());
        String value = fingerprintValue(directory);

        String log = run(output, yaml);

        assertThat(log).isEqualTo("tiny: up to date (fingerprint " + value.substring(0, 12) + " matches "
                + directory.fingerprint() + "); skipping training. Use -Dcnn.force=true to retrain.\n");
        assertThat(Files.readAllBytes(directory.parameters())).isEqualTo(parameters);
    }

    @Test
    void forceRetrainsAnUpToDateModel() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        run(output, yaml);
        ModelDirectory directory = ModelDirectory.of(output, "tiny");

        String log = run(output, yaml, "--force");

        assertThat(log).startsWith("tiny: training: forced, although it is up to date (fingerprint "
                + fingerprintValue(directory).substring(0, 12) + " matches " + directory.fingerprint() + ")\n")
                .contains("tiny: training on cpu()", "model written to " + directory.root());
    }

    @Test
    void changedInputsAreNamed() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        run(output, yaml);
        String root = ModelDirectory.of(output, "tiny").root().toString();

        Files.writeString(yaml, Files.readString(yaml).replace("seed: 7", "seed: 8"));
        assertThat(firstLine(run(output, yaml))).isEqualTo("tiny: training: inputs changed since " + root
                + " was trained: yaml changed, seed changed (7 -> 8)");

        Files.copy(dir.resolve("test-images.idx3.gz"), dir.resolve("train-images.idx3.gz"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("test-labels.idx1.gz"), dir.resolve("train-labels.idx1.gz"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(firstLine(run(output, yaml))).isEqualTo("tiny: training: inputs changed since " + root
                + " was trained: train.images changed, train.labels changed");
    }

    @Test
    void runKilledAfterAnEpochLeavesOnlyItsCheckpointAndResumesToTheSameModel() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "  validationSplit: 0.25\n")
                .resolveSibling("tiny.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("epochs: 3", "epochs: 4"));
        Path reference = dir.resolve("reference");
        Path output = dir.resolve("out");
        run(reference, yaml);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TrainCommand.run(new String[] {"--output", output.toString(), yaml.toString()},
                new DyingAfter("epoch 2 done"), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(entries(output)).containsExactly(".tiny.checkpoint");

        String log = run(output, yaml);

        Path checkpoint = output.resolve(".tiny.checkpoint").resolve("epoch-2");
        assertThat(log).contains("tiny: resuming from the checkpoint after epoch 2 of 4 (" + checkpoint + ")\n")
                .doesNotContain("epoch 1 done", "epoch 2 done").contains("epoch 3 done", "epoch 4 done");
        assertSameModel(output, reference);
        assertThat(ModelMetrics.read(ModelDirectory.of(output, "tiny").metrics()).resumedAfterEpoch()).isEqualTo(2);
        assertThat(entries(output)).containsExactly("tiny");
    }

    @Test
    void processDestroyedDuringTrainingResumesToTheSameModel() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Files.writeString(yaml, Files.readString(yaml).replace("epochs: 3", "epochs: 6"));
        Path reference = dir.resolve("reference");
        Path output = dir.resolve("out");
        run(reference, yaml);

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), TrainCommand.class.getName(),
                "--output", output.toString(), yaml.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null && !line.startsWith("epoch 2 done");) {
                line = lines.readLine();
            }
            process.destroyForcibly().waitFor();
        }
        assertThat(entries(output)).containsExactly(".tiny.checkpoint");

        String log = run(output, yaml);

        assertThat(log).containsPattern("tiny: resuming from the checkpoint after epoch [2-5] of 6 \\(");
        assertSameModel(output, reference);
    }

    @Test
    void unknownDeviceIsBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(new String[] {"--output", "out", "--device", "tpu", "model.yaml"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("ERROR: Unknown device 'tpu'; use one of auto, cpu, gpu, gpu:N"
                + " (such as gpu:1)\n");
    }

    @Test
    void gpuWithCpuNativesIsBadInputBeforeAnyTraining() throws Exception {
        Path model = TinyDataset.writeModel(dir, "tiny", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(new String[] {"--output", dir.resolve("out").toString(), "--device", "gpu",
            model.toString()}, new PrintStream(out), new PrintStream(err));

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).startsWith("ERROR: device 'gpu' was asked for, but the PyTorch engine sees no"
                + " usable CUDA GPU (its natives are a CPU build;");
        assertThat(out.toString()).doesNotContain("training");
    }

    @Test
    void severalDevicesOnTheCpuIsBadInput() throws Exception {
        Path model = TinyDataset.writeModel(dir, "tiny", "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(new String[] {"--output", dir.resolve("out").toString(), "--device", "cpu",
            "--devices", "2", model.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).contains("devices: 2 trains on several GPUs, which needs device auto or gpu");
    }

    @Test
    void missingOutputIsBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(new String[] {"model.yaml"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo(
                "ERROR: usage: TrainCommand --output DIR [--device auto|cpu|gpu|gpu:N] [--devices all|N] [--force]"
                        + " MODEL.yaml...\n");
    }

    private static void assertSameModel(Path output, Path reference) throws Exception {
        ModelDirectory resumed = ModelDirectory.of(output, "tiny");
        ModelDirectory uninterrupted = ModelDirectory.of(reference, "tiny");
        assertThat(Files.readAllBytes(resumed.parameters())).isEqualTo(Files.readAllBytes(uninterrupted.parameters()));
        assertThat(Files.readString(resumed.fingerprint())).isEqualTo(Files.readString(uninterrupted.fingerprint()));
        ModelMetrics resumedMetrics = ModelMetrics.read(resumed.metrics());
        ModelMetrics uninterruptedMetrics = ModelMetrics.read(uninterrupted.metrics());
        assertThat(figures(resumedMetrics.history())).isEqualTo(figures(uninterruptedMetrics.history()));
        assertThat(resumedMetrics.test()).usingRecursiveComparison().isEqualTo(uninterruptedMetrics.test());
    }

    private static List<EpochMetrics> figures(List<EpochMetrics> history) {
        return history.stream().map(e -> new EpochMetrics(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testLoss(),
                e.testAccuracy(), 0, 0, e.validationLoss(), e.validationAccuracy())).toList();
    }

    private static String run(Path output, Path yaml, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("--output", output.toString(), yaml.toString()), Stream.of(options))
                .toArray(String[]::new);
        int status = TrainCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).as("exit status; log:%n%s", out).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String firstLine(String log) {
        return log.substring(0, log.indexOf('\n'));
    }

    private static String fingerprintValue(ModelDirectory directory) throws Exception {
        return Files.readAllLines(directory.fingerprint()).stream().filter(l -> l.startsWith("fingerprint="))
                .findFirst().orElseThrow().substring("fingerprint=".length());
    }

    private static List<String> entries(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Standard output of a process that is killed as soon as it prints a line starting with a given text. */
    private static final class DyingAfter extends PrintStream {
        private final String fatalLine;

        DyingAfter(String fatalLine) {
            super(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            this.fatalLine = fatalLine;
        }

        @Override
        public void println(String line) {
            if (line.startsWith(fatalLine)) {
                throw new IllegalStateException("killed");
            }
            super.println(line);
        }
    }
}

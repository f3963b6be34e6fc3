package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line prints what the training service decided and did, and exits with the fork protocol's statuses. */
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

        assertThat(log)
                .isEqualTo("tiny: up to date (fingerprint " + value.substring(0, 12) + " matches "
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

        assertThat(log)
                .startsWith("tiny: training: forced, although it is up to date (fingerprint "
                        + fingerprintValue(directory).substring(0, 12) + " matches " + directory.fingerprint() + ")\n")
                .contains("tiny: training on cpu()", "model written to " + directory.root());
    }

    @Test
    void adaptingThreadsTrainsAndLeavesPyTorchsThreadCountAsItWas() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        Engine.getEngine("PyTorch");
        int threads = JniUtils.getNumThreads();

        String log = run(output, yaml, "--adapt-threads");

        assertThat(log)
                .contains(
                        "tiny: training on cpu()",
                        "model written to " + ModelDirectory.of(output, "tiny").root());
        assertThat(JniUtils.getNumThreads()).isEqualTo(threads);
    }

    @Test
    void unknownDeviceIsBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                new String[] {"--output", "out", "--device", "tpu", "model.yaml"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .isEqualTo("ERROR: Unknown device 'tpu'; use one of auto, cpu, gpu, gpu:N" + " (such as gpu:1)\n");
    }

    @Test
    void gpuWithCpuNativesIsBadInputBeforeAnyTraining() throws Exception {
        Path model = TinyDataset.writeModel(dir, "tiny", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                new String[] {"--output", dir.resolve("out").toString(), "--device", "gpu", model.toString()},
                new PrintStream(out),
                new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .startsWith("ERROR: device 'gpu' was asked for, but the PyTorch engine sees no"
                        + " usable CUDA GPU (its natives are a CPU build;");
        assertThat(out.toString()).doesNotContain("training");
    }

    @Test
    void severalDevicesOnTheCpuIsBadInput() throws Exception {
        Path model = TinyDataset.writeModel(dir, "tiny", "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                new String[] {
                    "--output", dir.resolve("out").toString(), "--device", "cpu", "--devices", "2", model.toString()
                },
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString()).contains("devices: 2 trains on several GPUs, which needs device auto or gpu");
    }

    @Test
    void missingOutputIsBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                new String[] {"model.yaml"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .isEqualTo(
                        "ERROR: usage: TrainCommand --output DIR [--project DIR] [--device auto|cpu|gpu|gpu:N] [--devices all|N]"
                                + " [--force] [--adapt-threads] MODEL.yaml...\n");
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
        return Files.readAllLines(directory.fingerprint()).stream()
                .filter(l -> l.startsWith("fingerprint="))
                .findFirst()
                .orElseThrow()
                .substring("fingerprint=".length());
    }
}

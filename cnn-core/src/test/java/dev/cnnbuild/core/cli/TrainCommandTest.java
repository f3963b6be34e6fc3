package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.testing.TinyDataset;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

        String log = run(TrainForkRequest.of(output, List.of(yaml)).withForce(true));

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

        String log = run(TrainForkRequest.of(output, List.of(yaml)).withThreads(ThreadSettings.decide(threads, true)));

        assertThat(log)
                .contains(
                        "tiny: training on cpu()",
                        "model written to " + ModelDirectory.of(output, "tiny").root());
        assertThat(JniUtils.getNumThreads()).isEqualTo(threads);
    }

    @Test
    void theRequestFileIsTheOneArgument() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        Path file = ForkRequestFile.write(TrainForkRequest.of(output, List.of(yaml)), dir.resolve("requests"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                new String[] {"--request", file.toString()}, new PrintStream(out), new PrintStream(System.err));

        assertThat(status).as(out.toString()).isEqualTo(ForkProtocol.SUCCESS);
        assertThat(out.toString())
                .contains(
                        "model written to " + ModelDirectory.of(output, "tiny").root());
    }

    @Test
    void aRequestFileForTheCheckIsBadInput() throws Exception {
        Path file = ForkRequestFile.write(CheckForkRequest.of(dir, List.of()), dir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                new String[] {"--request", file.toString()},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .isEqualTo("ERROR: " + file + " is a request for cnn:check, not for this fork (TrainForkRequest); start"
                        + " each fork with the request its goal wrote\n");
    }

    @Test
    void gpuWithCpuNativesIsBadInputBeforeAnyTraining() throws Exception {
        Path model = TinyDataset.writeModel(dir, "tiny", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                TrainForkRequest.of(dir.resolve("out"), List.of(model)).withDevice(DeviceChoice.GPU, Optional.empty()),
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
                TrainForkRequest.of(dir.resolve("out"), List.of(model)).withDevice(DeviceChoice.CPU, Optional.of(2)),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString()).contains("devices: 2 trains on several GPUs, which needs device auto or gpu");
    }

    @Test
    void argumentsOtherThanARequestFileAreBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TrainCommand.run(
                new String[] {"--output", "out", "model.yaml"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(err.toString())
                .isEqualTo("ERROR: usage: TrainCommand --request FILE, where FILE is the request that cnn:train writes"
                        + " (ForkRequestFile)\n");
    }

    private static String run(Path output, Path yaml) {
        return run(TrainForkRequest.of(output, List.of(yaml)));
    }

    private static String run(TrainForkRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TrainCommand.run(request, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).as("exit status; log:%n%s", out).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String fingerprintValue(ModelDirectory directory) throws Exception {
        return Files.readAllLines(directory.fingerprint()).stream()
                .filter(l -> l.startsWith("fingerprint="))
                .findFirst()
                .orElseThrow()
                .substring("fingerprint=".length());
    }
}

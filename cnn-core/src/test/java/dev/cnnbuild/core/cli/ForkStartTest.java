package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelFreshness;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start of the training fork, each case in a JVM of its own where the PyTorch engine is not loaded yet: an
 * up-to-date model is found so without loading the engine's natives at all; a forced training loads the engine on a
 * second thread while it reads the model file and the data; and a load that fails there ends the fork with the same
 * error as a load on the main thread.
 */
class ForkStartTest {
    /** The DJL class that extracts and links the natives; loaded only when the engine loads. */
    private static final String NATIVES_LOADER = "ai.djl.pytorch.jni.LibUtils ";

    @TempDir
    Path dir;

    @Test
    void upToDateModelIsFoundSoWithoutLoadingTheEngine() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        ModelDirectory directory = TinyDataset.train(yaml, output);
        Path classes = dir.resolve("classes.log");

        Fork fork = fork(List.of("-Xlog:class+load=info:file=" + classes), TrainForkRequest.of(output, List.of(yaml)));

        assertThat(fork.status()).isEqualTo(ForkProtocol.SUCCESS);
        assertThat(fork.out())
                .startsWith("tiny: up to date (fingerprint ")
                .contains(directory.fingerprint().toString());
        assertThat(Files.readString(classes))
                .contains(ModelFreshness.class.getName() + " ")
                .doesNotContain(NATIVES_LOADER);
    }

    @Test
    void forcedTrainingLoadsTheEngineOnASecondThread() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");

        Fork fork = fork(
                List.of(
                        "-Dorg.slf4j.simpleLogger.log.ai.djl.pytorch.engine.PtEngine=info",
                        "-Dai.djl.pytorch.num_threads=1"),
                TrainForkRequest.of(output, List.of(yaml)).withForce(true));

        assertThat(fork.status()).as(fork.err()).isEqualTo(ForkProtocol.SUCCESS);
        assertThat(fork.err())
                .contains(
                        "[cnn-engine-load] INFO ai.djl.pytorch.engine.PtEngine - Number of intra-op" + " threads is 1");
        assertThat(fork.out())
                .contains(
                        "tiny: training on cpu()",
                        "model written to " + ModelDirectory.of(output, "tiny").root());
    }

    @Test
    void engineThatFailsToLoadOnTheSecondThreadFailsAsOnTheMainThread() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        List<String> missingNatives = List.of("-DPYTORCH_VERSION=0.0.1", "-DDJL_CACHE_DIR=" + dir.resolve("djl"));

        Fork background = fork(
                missingNatives,
                TrainForkRequest.of(dir.resolve("forced"), List.of(yaml)).withForce(true));
        Fork foreground = fork(missingNatives, TrainForkRequest.of(dir.resolve("new"), List.of(yaml)));

        assertThat(background.status()).isEqualTo(ForkProtocol.FAILED);
        assertThat(background.errorLine())
                .startsWith("ERROR: training failed unexpectedly:" + " ai.djl.engine.EngineException: ")
                .isEqualTo(foreground.errorLine());
        assertThat(foreground.status()).isEqualTo(ForkProtocol.FAILED);
    }

    private Fork fork(List<String> options, TrainForkRequest request) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkProtocol.TRAIN_MAIN_CLASS));
        command.addAll(List.of(
                ForkProtocol.REQUEST_OPTION, ForkRequestFile.write(request, dir).toString()));
        Path out = Files.createTempFile(dir, "fork", ".out");
        Path err = Files.createTempFile(dir, "fork", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the fork did not end within 2 minutes: " + Files.readString(err));
        }
        return new Fork(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A fork's exit status, standard output and standard error. */
    private record Fork(int status, String out, String err) {
        String errorLine() {
            return err.lines()
                    .filter(line -> line.startsWith("ERROR: "))
                    .findFirst()
                    .orElse("");
        }
    }
}

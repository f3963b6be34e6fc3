package dev.cnnbuild.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference PyTorch, {@code /usr/bin/python3} with Debian's {@code python3-torch}, for the tests of the
 * exported package; a test that needs it is skipped where it is not installed (CI installs it).
 *
 * <pre>{@code
 * PythonTorch.assumeAvailable();
 * String output = PythonTorch.run(pkg, "train.py", "--output", out.toString());
 * }</pre>
 */
public final class PythonTorch {
    /** The interpreter that has torch. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonTorch() {}

    /** Skips the calling test unless {@link #PYTHON} imports torch. */
    public static void assumeAvailable() throws IOException, InterruptedException {
        boolean available = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import torch, numpy, PIL")
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start()
                                .waitFor()
                        == 0;
        assumeTrue(available, PYTHON + " with torch, numpy and PIL (apt-get install python3-torch) is not installed");
    }

    /**
     * Runs {@link #PYTHON} in a folder with two threads and fails the test if it does not exit with 0.
     *
     * @param folder the working directory
     * @param arguments the script and its arguments
     * @return what it printed
     */
    public static String run(Path folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "2");
        builder.environment().put("PYTHONPATH", folder.toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("%s exited with this output:%n%s", command, output)
                .isZero();
        return output;
    }
}

package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.threads.ThreadSettings;
import java.util.OptionalLong;

/**
 * Everything a forked JVM is told, as one value: Maven's JVM writes it to a file ({@link ForkRequestFile}) and the
 * fork's main class reads it back from its one argument, {@code --request FILE}, as surefire's booter hands its
 * configuration to a forked test JVM. What must be fixed before the JVM starts (its environment, its options) is
 * derived from the same value in Maven's JVM.
 *
 * <pre>{@code
 * ForkRequest request = TrainForkRequest.of(Path.of("target/cnn"), List.of(Path.of("src/main/cnn/mnist.yaml")));
 * Path file = ForkRequestFile.write(request, Path.of("target/cnn-fork"));
 * // java ... request.mainClass() --request <file>
 * }</pre>
 */
public sealed interface ForkRequest permits TrainForkRequest, CheckForkRequest {

    /** Returns PyTorch's intra-op threads in the fork, and whether they adapt to the machine's load. */
    ThreadSettings threads();

    /** Returns the process the fork watches and ends with ({@link ParentWatch}); empty: none. */
    OptionalLong parentPid();

    /** Returns the main class that reads this request. */
    String mainClass();

    /** Returns the goal's word in the request file, {@code train} or {@code check}. */
    String goal();
}

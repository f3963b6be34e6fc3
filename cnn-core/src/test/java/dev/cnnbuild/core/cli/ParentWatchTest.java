package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A fork stops when the process that started it ends, however it ends. */
class ParentWatchTest {

    @Test
    void stopsOnceTheParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(List.of("sleep", "60")).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> halted = new CompletableFuture<>();
        try {
            new ParentWatch(parent.toHandle(), new PrintStream(err, true, StandardCharsets.UTF_8), halted::complete)
                    .start();
            Thread.sleep(3 * ParentWatch.POLL_INTERVAL.toMillis());
            assertThat(halted).isNotDone();
        } finally {
            parent.destroyForcibly();
        }

        assertThat(halted.get(2, TimeUnit.SECONDS)).isEqualTo(ParentWatch.ORPHANED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("cnn-build fork: the process that started it" + " (PID " + parent.pid()
                        + ") has ended; stopping this JVM now" + System.lineSeparator());
    }
}

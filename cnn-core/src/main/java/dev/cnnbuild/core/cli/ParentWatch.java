package dev.cnnbuild.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Ends a forked JVM when the process that started it is gone, as surefire's forked booter does: a CI server's
 * timeout or a Ctrl-C kills Maven (SIGKILL leaves it no time to stop its children), and a training that went on
 * would race the next build for the model directory. The plugin names its own process in the fork's request
 * ({@link ForkRequest#parentPid()}); a daemon thread polls it every {@link #POLL_INTERVAL} and ends the JVM at once (a
 * SIGKILL to itself, else a halt), with a line on standard error, once it has ended. A killed parent that is a
 * zombie its own parent has not reaped yet still counts as ended: a direct child sees that it was handed to another
 * parent. Whatever the fork was writing is left as a kill leaves it: model directories and checkpoints are written
 * whole or not at all, and the output folder's lock goes with the process.
 *
 * <p>A request without a parent (a command run by hand) watches nothing.
 *
 * <pre>{@code
 * ParentWatch.start(request.parentPid(), System.err);
 * // when the parent dies:
 * // cnn-build fork: the process that started it (PID 4242) has ended; stopping this JVM now
 * }</pre>
 */
public final class ParentWatch {
    /** How often the parent is looked at. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** The exit status of a fork stopped because its parent ended. */
    public static final int ORPHANED = 143;

    private final ProcessHandle parent;
    private final boolean directChild;
    private final PrintStream err;
    private final IntConsumer halt;

    ParentWatch(ProcessHandle parent, PrintStream err, IntConsumer halt) {
        this.parent = parent;
        this.directChild = directParentPid().equals(Optional.of(parent.pid()));
        this.err = err;
        this.halt = halt;
    }

    /**
     * Starts watching a process, if one is named; a parent that is already gone stops the JVM at once.
     *
     * @param pid the parent's process id, if any
     * @param err where the line that says why the JVM stops goes
     */
    public static void start(OptionalLong pid, PrintStream err) {
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid.getAsLong());
        if (parent.isEmpty()) {
            err.println(ForkProtocol.error(
                    "the process that started this JVM (PID " + pid.getAsLong() + ") is not running; nothing to do"));
            err.flush();
            stopNow(ORPHANED);
            return;
        }
        new ParentWatch(parent.get(), err, ParentWatch::stopNow).start();
    }

    /** Starts the watching daemon thread. */
    void start() {
        Thread thread = new Thread(this::watch, "cnn-parent-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (parentRuns()) {
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        err.println("cnn-build fork: the process that started it (PID " + parent.pid()
                + ") has ended; stopping this JVM now");
        err.flush();
        halt.accept(ORPHANED);
    }

    /**
     * Returns whether the parent still runs. A parent that was killed stays a zombie, which {@link
     * ProcessHandle#isAlive()} still counts as alive, until its own parent reaps it (a CI agent may take its time); its
     * children are handed to another process at once, though, so a direct child also looks at its own parent.
     */
    private boolean parentRuns() {
        return parent.isAlive() && (!directChild || directParentPid().equals(Optional.of(parent.pid())));
    }

    private static Optional<Long> directParentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }

    /**
     * Ends this JVM at once. {@link Runtime#halt} alone still runs the C library's exit: native libraries' destructors
     * and PyTorch's OpenMP pool, which waits for the operation in flight (seconds, on a loaded machine). A SIGKILL
     * sent to itself skips all that; where there is no {@code kill} command, halting is all there is.
     */
    private static void stopNow(int status) {
        try {
            new ProcessBuilder(
                            "kill",
                            "-KILL",
                            Long.toString(ProcessHandle.current().pid()))
                    .start()
                    .waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            Runtime.getRuntime().halt(status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(status);
    }
}

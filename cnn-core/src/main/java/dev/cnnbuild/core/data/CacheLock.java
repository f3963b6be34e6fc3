package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.Progress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Holds a cache file for one thread of one process while it checks, builds and opens it: an operating-system lock on
 * a lock file beside the cache (dropped by the operating system when a process dies, however it dies), and a lock per
 * lock file between this process's threads, which the operating system's lock does not tell apart. The holder writes
 * its process id and host into the lock file, so that a build which has to wait says whom it waits for, and then
 * how long it has waited, every 10 seconds; a wait is otherwise silent only when it is shorter than a second.
 *
 * <pre>{@code
 * try (CacheLock lock = CacheLock.take(lockFile, cacheFile, "the decoded cache", log::info)) {
 *     // check, build and open the cache
 * }
 * // waiting for another build that is writing the decoded cache target/cnn-cache/pets/train.images
 * //   (process 4242 on build-7; its lock is target/cnn-cache/pets/.train.images.lock) ...
 * }</pre>
 */
final class CacheLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();
    private static final long QUIET_MILLIS = 1_000;
    private static final long REPEAT_NANOS = 10_000_000_000L;
    private static final long POLL_MILLIS = 50;

    private final ReentrantLock thread;
    private final FileChannel channel;

    private CacheLock(ReentrantLock thread, FileChannel channel) {
        this.thread = thread;
        this.channel = channel;
    }

    /**
     * Takes the lock, waiting for as long as another thread or process holds it.
     *
     * @param lockFile the lock file, created if missing; it stays after the lock is released
     * @param cacheFile the cache it guards, as the waiting lines name it
     * @param what how the waiting lines call the cache, such as {@code the decoded cache}
     * @param log hears that the build waits (after a second), and how long it has waited, every 10 seconds
     * @return the lock, to be closed
     * @throws IOException if the lock file cannot be created or locked, or the thread is interrupted while waiting
     */
    static CacheLock take(Path lockFile, Path cacheFile, String what, Consumer<String> log) throws IOException {
        Path file = lockFile.toAbsolutePath().normalize();
        ReentrantLock thread = THREADS.computeIfAbsent(file, any -> new ReentrantLock());
        Waiting waiting = new Waiting(file, cacheFile, what, log);
        try {
            while (!thread.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                waiting.tick("another thread of this build");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + file, e);
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                for (FileLock lock = channel.tryLock(); lock == null; lock = channel.tryLock()) {
                    waiting.tick(holder(file));
                    Thread.sleep(POLL_MILLIS);
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(me().getBytes(StandardCharsets.UTF_8)), 0);
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            waiting.done();
            return new CacheLock(thread, channel);
        } catch (IOException | RuntimeException e) {
            thread.unlock();
            throw e;
        }
    }

    /** Returns {@code process 4242 on build-7}: who holds the lock, as the lock file says. */
    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String me() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return "process " + ProcessHandle.current().pid() + (at < 0 ? "" : " on " + name.substring(at + 1)) + "\n";
    }

    /** Releases the lock; closing the channel releases the operating system's lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            thread.unlock();
        }
    }

    /** The lines of one wait: the first after a second, then one every 10 seconds, and one when it ends. */
    private static final class Waiting {
        private final Path lockFile;
        private final Path cacheFile;
        private final String what;
        private final Consumer<String> log;
        private final long start = System.nanoTime();
        private long lastLine;
        private boolean said;

        Waiting(Path lockFile, Path cacheFile, String what, Consumer<String> log) {
            this.lockFile = lockFile;
            this.cacheFile = cacheFile;
            this.what = what;
            this.log = log;
        }

        void tick(String holder) {
            long now = System.nanoTime();
            if (!said && now - start >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                said = true;
                lastLine = now;
                log.accept("waiting for another build that is writing " + what + " " + cacheFile + " (" + holder
                        + "; its lock is " + lockFile + ") ...");
            } else if (said && now - lastLine >= REPEAT_NANOS) {
                lastLine = now;
                log.accept(String.format(
                        Locale.ROOT,
                        "still waiting for %s %s (%s), %s so far",
                        what,
                        cacheFile,
                        holder,
                        Progress.duration((now - start) / 1e9)));
            }
        }

        void done() {
            if (said) {
                log.accept(String.format(
                        Locale.ROOT,
                        "the other build has finished with %s %s after %s; going on",
                        what,
                        cacheFile,
                        Progress.duration((System.nanoTime() - start) / 1e9)));
            }
        }
    }
}

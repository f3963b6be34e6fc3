package dev.cnnbuild.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An exclusive lock on a folder, held by one process at a time, so that two builds never write the same model
 * directory or checkpoint at once. It is an operating-system lock ({@link FileChannel#tryLock()}) on the file
 * {@value #FILE_NAME} in the folder, which also records the holder's process id, start time and command line for the
 * message the next process gets. The operating system drops the lock when its process ends, however it ends (even
 * by SIGKILL), so a lock file left by a dead process is simply taken over; {@link #close()} releases it earlier.
 *
 * <p>Taking the lock does not wait: a folder locked by another process is a {@link FolderLockedException} naming it.
 *
 * <pre>{@code
 * try (FolderLock lock = FolderLock.acquire(Path.of("target/cnn"), "training")) {
 *     // write target/cnn/...
 * } catch (FolderLockedException e) {
 *     // target/cnn is in use by another process, PID 4242 (started 2026-11-30T18:02:38Z: java ...) ...
 * }
 * }</pre>
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name in the locked folder. */
    public static final String FILE_NAME = ".cnn.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a folder for this process, creating it if needed.
     *
     * @param folder the folder
     * @param purpose what this process does there, recorded in the lock file, such as {@code "training"}
     * @return the held lock; close it to release
     * @throws FolderLockedException if another process (or another lock of this one) holds the folder
     * @throws IOException if the folder or its lock file cannot be created or written
     */
    public static FolderLock acquire(Path folder, String purpose) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new FolderLockedException(folder, holder);
        }
        try {
            record(channel, purpose);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new FolderLock(channel, lock);
    }

    /** Returns whether this lock is still held. */
    public boolean isHeld() {
        return lock.isValid();
    }

    /** Releases the lock; the lock file stays, for the next process to take. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void record(FileChannel channel, String purpose) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(Instant::toString).orElse("an unknown time");
        String command = self.info()
                .command()
                .map(executable -> shorten(executable, self.info().arguments().orElse(new String[0])))
                .orElse("an unknown command");
        String text =
                "pid=" + self.pid() + "\nstarted=" + started + "\npurpose=" + purpose + "\ncommand=" + command + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 8192));
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        String pid = field(text, "pid").orElse("?");
        String purpose = field(text, "purpose").map(p -> p + ", ").orElse("");
        return "PID " + pid + " (" + purpose + "started "
                + field(text, "started").orElse("at an unknown time") + ": "
                + field(text, "command").orElse("an unknown command") + ")";
    }

    private static Optional<String> field(String text, String name) {
        return text.lines()
                .filter(line -> line.startsWith(name + "="))
                .findFirst()
                .map(line -> line.substring(name.length() + 1));
    }

    /** Returns the command line with its class path left out, which says nothing and fills a screen. */
    private static String shorten(String executable, String[] arguments) {
        StringBuilder command = new StringBuilder(executable);
        for (int i = 0; i < arguments.length; i++) {
            boolean classpath =
                    i > 0 && List.of("-cp", "-classpath", "--class-path").contains(arguments[i - 1]);
            command.append(' ').append(classpath ? "..." : arguments[i]);
        }
        return command.length() <= 500 ? command.toString() : command.substring(0, 500) + "...";
    }
}

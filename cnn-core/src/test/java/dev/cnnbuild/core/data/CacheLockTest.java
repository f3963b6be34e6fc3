package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.BadImagePolicy;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that has to wait for another build's lock on a cache says so, naming the cache, the other process and the
 * lock file, and says when it goes on; a lock taken at once prints nothing.
 */
class CacheLockTest {
    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private Path cacheFile() {
        return dir.resolve("cnn-cache/colours/train.images");
    }

    @Test
    void aLockTakenAtOnceIsSilent() throws Exception {
        try (CacheLock lock = CacheLock.take(DecodedCache.lockFile(cacheFile()), cacheFile(), "the cache", log::add)) {
            assertThat(log).isEmpty();
        }
        assertThat(log).isEmpty();
    }

    @Test
    void aThreadWaitingForAnotherThreadOfTheBuildSaysSoAndGoesOn() throws Exception {
        Path lockFile = DecodedCache.lockFile(cacheFile());
        CompletableFuture<Void> waiter;
        try (CacheLock held = CacheLock.take(lockFile, cacheFile(), "the decoded cache", line -> {})) {
            waiter = CompletableFuture.runAsync(() -> {
                try (CacheLock mine = CacheLock.take(lockFile, cacheFile(), "the decoded cache", log::add)) {
                    log.add("locked");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (log.isEmpty()) {
                Thread.sleep(20);
            }
            assertThat(log)
                    .containsExactly("waiting for another build that is writing the decoded cache " + cacheFile()
                            + " (another thread of this build; its lock is " + lockFile + ") ...");
        }
        waiter.get(1, TimeUnit.MINUTES);
        assertThat(log).hasSize(3);
        assertThat(log.get(1)).matches("the other build has finished with the decoded cache .* after \\d+ s; going on");
        assertThat(log.get(2)).isEqualTo("locked");
    }

    @Test
    void aBuildWaitingForAnotherProcessNamesItsProcessAndReadsTheCacheOnceTheLockIsFree() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        Process other = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        cacheFile().toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            CompletableFuture<String> opened = CompletableFuture.supplyAsync(() -> {
                try {
                    DecodedCache.Opened cache = DecodedCache.open(
                            cacheFile(),
                            new ImageDecoding(
                                    ImageFolderListing.list(dir.resolve("images")),
                                    new InputShape(3, 8, 8),
                                    ResizeMode.STRETCH,
                                    1,
                                    new BadImages(BadImagePolicy.FAIL),
                                    Progress.NONE),
                            log::add);
                    cache.store().close();
                    return cache.reason();
                } catch (DatasetException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (log.isEmpty()) {
                Thread.sleep(20);
            }
            assertThat(log)
                    .containsExactly("waiting for another build that is writing the decoded cache " + cacheFile()
                            + " (process " + other.pid() + " on " + host() + "; its lock is "
                            + DecodedCache.lockFile(cacheFile()) + ") ...");
            assertThat(opened).isNotDone();
            other.getOutputStream().close();
            assertThat(opened.get(1, TimeUnit.MINUTES)).isEqualTo("built: there was no cache yet");
            assertThat(log).hasSize(2);
            assertThat(other.waitFor(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    private static String host() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        return name.substring(name.indexOf('@') + 1);
    }

    /** Holds a cache's lock in another process until its standard input is closed. */
    static final class LockHolder {
        public static void main(String[] args) throws Exception {
            Path cacheFile = Path.of(args[0]);
            try (CacheLock lock = CacheLock.take(DecodedCache.lockFile(cacheFile), cacheFile, "the cache", l -> {})) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // holds the lock until the test closes this process's input
                }
            }
        }
    }
}

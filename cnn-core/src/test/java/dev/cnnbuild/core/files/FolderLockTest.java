package dev.cnnbuild.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process at a time holds an output folder; the next one is told which, and a dead holder's lock is taken. */
class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void recordsTheHolderAndReleasesOnClose() throws Exception {
        Path folder = dir.resolve("out");
        try (FolderLock lock = FolderLock.acquire(folder, "training")) {
            assertThat(lock.isHeld()).isTrue();
            assertThat(Files.readString(folder.resolve(FolderLock.FILE_NAME)))
                    .startsWith("pid=" + ProcessHandle.current().pid() + "\nstarted=")
                    .contains("\npurpose=training\ncommand=");
        }
        try (FolderLock again = FolderLock.acquire(folder, "training")) {
            assertThat(again.isHeld()).isTrue();
        }
    }

    @Test
    void secondLockInOneProcessNamesTheHolder() throws Exception {
        try (FolderLock lock = FolderLock.acquire(dir, "training")) {
            assertThatThrownBy(() -> FolderLock.acquire(dir, "checking"))
                    .isInstanceOf(FolderLockedException.class)
                    .hasMessageStartingWith(dir + " is in use by another build, PID "
                            + ProcessHandle.current().pid() + " (training, started ")
                    .hasMessageEndingWith("which holds " + dir.resolve(FolderLock.FILE_NAME) + "; two builds must not"
                            + " write the same model directories at once. Wait for it to finish (or stop it), then"
                            + " build again; or give this build another output folder (-Dcnn.outputDirectory)");
        }
    }

    @Test
    void anotherProcessHoldsItUntilItDies() throws Exception {
        Process holder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        dir.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> FolderLock.acquire(dir, "training"))
                    .isInstanceOf(FolderLockedException.class)
                    .hasMessageStartingWith(dir + " is in use by another build, PID " + holder.pid() + " (testing,")
                    .hasMessageContaining("-cp ... " + LockHolder.class.getName());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(dir.resolve(FolderLock.FILE_NAME))).startsWith("pid=" + holder.pid() + "\n");
        try (FolderLock taken = FolderLock.acquire(dir, "training")) {
            assertThat(Files.readString(dir.resolve(FolderLock.FILE_NAME)))
                    .startsWith("pid=" + ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void folderThatCannotBeCreatedIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> FolderLock.acquire(file.resolve("out"), "training"))
                .isNotInstanceOf(FolderLockedException.class)
                .hasMessageContaining(file.toString() + File.separator + "out");
    }
}

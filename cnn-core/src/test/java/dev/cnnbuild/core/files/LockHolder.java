package dev.cnnbuild.core.files;

import java.nio.file.Path;

/**
 * A second process for {@link FolderLockTest}: locks the folder given as its argument, prints {@code locked}, and
 * holds the lock until it is killed.
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes dev.cnnbuild.core.files.LockHolder /tmp/out
 * }</pre>
 */
public final class LockHolder {
    private LockHolder() {}

    /**
     * Locks the folder and waits.
     *
     * @param args the folder
     * @throws Exception if the folder cannot be locked
     */
    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), "testing")) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

package dev.cnnbuild.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests in lower-case hex, as {@code sha256sum} prints them: of a file, read in blocks, or of bytes. The
 * fingerprint, the image-hash cache and the model directory's manifest all hash with it.
 *
 * <pre>{@code
 * String hash = Sha256.of(Path.of("target/cnn/mnist-cnn/parameters.params"));   // "1f0c..."
 * String text = Sha256.of("name: mnist-cnn\n".getBytes(StandardCharsets.UTF_8));
 * byte[] raw = Sha256.newDigest().digest(bytes);
 * }</pre>
 */
public final class Sha256 {
    /**
     * Each thread's block to read files into: a training hashes every image file, on several threads, and a new block
     * per file would be garbage enough for the collector to grow the heap towards its maximum.
     */
    private static final ThreadLocal<byte[]> BLOCKS = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    private Sha256() {}

    /**
     * Hashes a file's content.
     *
     * @param file the file
     * @return its SHA-256 in hex
     * @throws IOException if the file cannot be read
     */
    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = BLOCKS.get();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the bytes
     * @return their SHA-256 in hex
     */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /**
     * Returns a fresh SHA-256 digest, for callers that hash in several updates or want the raw bytes.
     *
     * @return the digest
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package dev.cnnbuild.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's hash is its own bytes' whatever the thread hashed before it, with the block it reads into reused. */
class Sha256Test {

    @Test
    void aLargeFileThenASmallOneOnTheSameThreadEachHashToTheirOwnBytes(@TempDir Path dir) throws Exception {
        byte[] large = new byte[200_000];
        new Random(1).nextBytes(large);
        byte[] small = "ten bytes.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Path first = Files.write(dir.resolve("large.bin"), large);
        Path second = Files.write(dir.resolve("small.txt"), small);
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);

        assertThat(Sha256.of(first)).isEqualTo(hex(large));
        assertThat(Sha256.of(second)).isEqualTo(hex(small)).isEqualTo(Sha256.of(small));
        assertThat(Sha256.of(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static String hex(byte[] bytes) throws Exception {
        return HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

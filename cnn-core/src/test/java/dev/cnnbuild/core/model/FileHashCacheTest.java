package dev.cnnbuild.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.files.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hashes cached by path, size and modification time. */
class FileHashCacheTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws Exception {
        Path a = Files.setLastModifiedTime(Files.writeString(dir.resolve("a.png"), "aaaa"), LONG_AGO);
        Path b = Files.setLastModifiedTime(Files.writeString(dir.resolve("b.png"), "bbbb"), LONG_AGO);
        FileHashCache cache = FileHashCache.beside(dir.resolve("out"), "pets");
        Map<String, String> first = cache.hashes(Map.of("a", a, "b", b));

        Files.setLastModifiedTime(Files.writeString(a, "AAAA"), LONG_AGO);
        Files.setLastModifiedTime(Files.writeString(b, "bbbbb"), LONG_AGO);
        Progress progress = Progress.of("hashing data files", 2, line -> {});
        Map<String, String> second = cache.hashes(Map.of("a", a, "b", b), progress);

        assertThat(progress.done()).as("each file counts, hashed or cached").isEqualTo(2);
        assertThat(cache.file()).isEqualTo(dir.resolve("out/.pets.file-hashes")).exists();
        assertThat(second.get("a"))
                .as("same size and time: taken from the cache")
                .isEqualTo(first.get("a"));
        assertThat(second.get("b")).as("another size: hashed again").isEqualTo(sha256("bbbbb"));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileChangedJustNowIsHashedAgainEvenWithTheSameSizeAndTime() throws Exception {
        Path a = Files.writeString(dir.resolve("a.png"), "aaaa");
        FileTime now = Files.getLastModifiedTime(a);
        FileHashCache cache = FileHashCache.beside(dir.resolve("out"), "pets");
        Map<String, String> first = cache.hashes(Map.of("a", a));

        Files.setLastModifiedTime(Files.writeString(a, "AAAA"), now);

        assertThat(cache.hashes(Map.of("a", a)).get("a")).isNotEqualTo(first.get("a"));
    }
}

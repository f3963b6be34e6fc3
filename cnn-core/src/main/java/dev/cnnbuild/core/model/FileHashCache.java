package dev.cnnbuild.core.model;

import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.files.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SHA-256 of data files, cached by path, size and modification time as Git's index and DVC do, so an unchanged
 * rebuild reads only the files' attributes. The cache is a hidden file beside the model directory,
 * {@code <output>/.<name>.file-hashes}; a file modified within the last two seconds is hashed again next time, since
 * a change within the same clock tick would keep its size and time.
 *
 * <pre>{@code
 * FileHashCache cache = FileHashCache.beside(Path.of("target/cnn"), "pets");
 * Map<String, String> hashes = cache.hashes(ProjectPaths.named(project, data.files()));   // name -> SHA-256
 * }</pre>
 */
public final class FileHashCache {
    private static final long RACY_NANOS = 2_000_000_000L;

    private final Path file;

    private FileHashCache(Path file) {
        this.file = file;
    }

    /**
     * Returns the cache of model {@code name} under an output folder such as {@code target/cnn}.
     *
     * @param outputDirectory the folder that holds model directories
     * @param name the model's name
     * @return the cache; nothing is written until {@link #hashes} runs
     */
    public static FileHashCache beside(Path outputDirectory, String name) {
        return new FileHashCache(outputDirectory.resolve("." + name + ".file-hashes"));
    }

    /** Returns the cache file. */
    public Path file() {
        return file;
    }

    /**
     * Returns the SHA-256 of every file, from the cache when its size and modification time are unchanged, and
     * rewrites the cache when anything was hashed.
     *
     * @param files the files by name
     * @return each file's SHA-256 in hexadecimal, by the same names in the same order
     * @throws IOException if a file cannot be read, or the cache cannot be written
     */
    public Map<String, String> hashes(Map<String, Path> files) throws IOException {
        return hashes(files, Progress.NONE);
    }

    /**
     * Returns the SHA-256 of every file, as {@link #hashes(Map)} does, counting each file in {@code progress}.
     *
     * @param files the files by name
     * @param progress advanced for each file, hashed or found in the cache, and finished at the end
     * @return each file's SHA-256 in hexadecimal, by the same names in the same order
     * @throws IOException if a file cannot be read, or the cache cannot be written
     */
    public Map<String, String> hashes(Map<String, Path> files, Progress progress) throws IOException {
        if (files.isEmpty()) {
            return Map.of();
        }
        Map<String, Entry> cached = read();
        Map<String, Entry> current = new ConcurrentHashMap<>();
        long now = System.currentTimeMillis() * 1_000_000L;
        AtomicBoolean changed = new AtomicBoolean();
        try {
            files.values().parallelStream().forEach(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    long size = attributes.size();
                    long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                    String key = path.toAbsolutePath().normalize().toString();
                    Entry entry = cached.get(key);
                    if (entry == null
                            || entry.size() != size
                            || entry.modifiedNanos() != modified
                            || now - modified < RACY_NANOS) {
                        entry = new Entry(Sha256.of(path), size, modified);
                        changed.set(true);
                    }
                    current.put(key, entry);
                    progress.advance();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.finish();
        if (changed.get() || current.size() != cached.size()) {
            write(current);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((name, path) -> hashes.put(
                name, current.get(path.toAbsolutePath().normalize().toString()).sha256()));
        return hashes;
    }

    private Map<String, Entry> read() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return entries;
        }
        for (String line : lines) {
            String[] parts = line.split(" ", 4);
            if (parts.length == 4) {
                try {
                    entries.put(parts[3], new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                } catch (NumberFormatException e) {
                    entries.clear();
                    return entries;
                }
            }
        }
        return entries;
    }

    private void write(Map<String, Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        entries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getValue().sha256())
                        .append(' ')
                        .append(e.getValue().size())
                        .append(' ')
                        .append(e.getValue().modifiedNanos())
                        .append(' ')
                        .append(e.getKey())
                        .append('\n'));
        Files.createDirectories(file.getParent());
        AtomicFiles.writeString(file, text.toString());
    }

    private record Entry(String sha256, long size, long modifiedNanos) {}
}

package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.files.Sha256;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Where a gzipped IDX image file is decompressed so that its images can be read by position, never whole: gzip
 * cannot be read from the middle. With the cache on ({@link #cached}), the copy is kept beside the decoded cache
 * ({@code target/cnn-cache/<model>/train.idx}) and reused while the gzipped file keeps its path, size and
 * modification time; a copy that does not match (the file changed, a copy cut short, not a copy at all) is made
 * again, through a staging file renamed into place only when complete, under the same kind of lock as the decoded
 * cache. With the cache off ({@link #temporary}), the copy is a temporary file in that folder, deleted as soon as it
 * is opened (the open file stays readable until closed, and its space is freed then, however the process ends).
 * The copy is the decompressed IDX file followed by a {@value #TRAILER_BYTES}-byte trailer that holds the gzipped
 * file's fingerprint.
 *
 * <pre>{@code
 * DecompressedIdx place = DecompressedIdx.cached(Path.of("target/cnn-cache/mnist/train.idx"), log::info);
 * DecompressedIdx.Copy copy = place.decompress(Path.of("data/train-images-idx3-ubyte.gz"), "training");
 * // copy.file() is read by position from IdxReader.imagesHeaderBytes() on; copy.release() after opening it
 * }</pre>
 */
public final class DecompressedIdx {
    /** The bytes after the decompressed IDX data. */
    static final int TRAILER_BYTES = 64;

    private static final byte[] MAGIC = "CNNIDXZ\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int IMAGES_HEADER = 16;
    private static final int CHUNK = 1 << 16;
    private static final int FINGERPRINT_BYTES = 32;

    private final Path place;
    private final boolean kept;
    private final Consumer<String> log;

    private DecompressedIdx(Path place, boolean kept, Consumer<String> log) {
        this.place = place.toAbsolutePath().normalize();
        this.kept = kept;
        this.log = log;
    }

    /**
     * Keeps the decompressed copy in a cache file, reused by later builds.
     *
     * @param cacheFile the copy, such as {@code target/cnn-cache/mnist/train.idx}
     * @param log hears whether the copy was made or reused, the progress of making it, and waits for its lock
     * @return the place
     */
    public static DecompressedIdx cached(Path cacheFile, Consumer<String> log) {
        return new DecompressedIdx(cacheFile, true, log);
    }

    /**
     * Decompresses into a temporary file in a folder, deleted once opened.
     *
     * @param folder where the temporary file lies while it is written, created if missing
     * @param log hears the progress of decompressing a large file
     * @return the place
     */
    public static DecompressedIdx temporary(Path folder, Consumer<String> log) {
        return new DecompressedIdx(folder, false, log);
    }

    /**
     * A decompressed copy, to be opened and then released.
     *
     * @param file the copy: an uncompressed IDX image file (and a trailer)
     * @param temporary whether it is deleted on {@link #release()}
     */
    public record Copy(Path file, boolean temporary) {
        /**
         * Deletes a temporary copy (an open channel still reads it); keeps a cached one.
         *
         * @throws DatasetException if a temporary copy cannot be deleted
         */
        public void release() throws DatasetException {
            if (temporary) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new DatasetException(file + ": the temporary decompressed copy cannot be deleted (" + e
                            + "); delete it by hand");
                }
            }
        }
    }

    /**
     * Returns a decompressed copy of a gzipped IDX image file, made now or reused.
     *
     * @param gz the gzipped {@code idx3-ubyte} file
     * @param set {@code training} or {@code test}, as the log lines say
     * @return the copy
     * @throws DatasetException naming the gzipped file when it is not an IDX image file, damaged or cut short, or
     *     naming the copy when it cannot be written (a full disk), each with the fix
     */
    public Copy decompress(Path gz, String set) throws DatasetException {
        if (!kept) {
            try {
                Files.createDirectories(place);
                Path file = Files.createTempFile(place, "." + set + "-", ".idx.tmp");
                try {
                    write(gz, file, new byte[FINGERPRINT_BYTES], set);
                } catch (DatasetException | RuntimeException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                return new Copy(file, true);
            } catch (IOException e) {
                throw new DatasetException(place + ": a temporary decompressed copy of " + gz + " cannot be written"
                        + " there (" + e + "); make the folder writable, or decompress the file yourself (gunzip)"
                        + " and point 'images' at it, which is read in place");
            }
        }
        try (CacheLock lock = CacheLock.take(lockFile(place), place, "the decompressed copy", log)) {
            Files.deleteIfExists(AtomicFiles.staging(place));
            byte[] fingerprint = fingerprint(gz);
            String mismatch = mismatch(fingerprint);
            if (mismatch == null) {
                log.accept(set + " images read from the decompressed copy " + place + " of " + gz);
                return new Copy(place, false);
            }
            try {
                AtomicFiles.writeFile(place, staging -> {
                    try {
                        write(gz, staging, fingerprint, set);
                    } catch (DatasetException e) {
                        throw new StagedDatasetFailure(e);
                    }
                });
            } catch (StagedDatasetFailure e) {
                throw e.failure();
            }
            log.accept(String.format(
                    Locale.ROOT,
                    "%s images decompressed from %s into %s (%,.1f MB), because %s",
                    set,
                    gz,
                    place,
                    Files.size(place) / (double) (1 << 20),
                    mismatch));
            return new Copy(place, false);
        } catch (IOException e) {
            throw new DatasetException(place + ": the decompressed copy of " + gz + " cannot be written (" + e
                    + "); make the folder writable and free space on its disk, or decompress the file yourself"
                    + " (gunzip) and point 'images' at it, which is read in place");
        }
    }

    /** Returns the lock file beside a cached copy, {@code .train.idx.lock} for {@code train.idx}. */
    static Path lockFile(Path copy) {
        return copy.resolveSibling("." + copy.getFileName() + ".lock");
    }

    /** Returns why the cached copy cannot be used, or {@code null} when it can. */
    private String mismatch(byte[] fingerprint) {
        if (!Files.isRegularFile(place)) {
            return "there was no decompressed copy yet";
        }
        try (FileChannel channel = FileChannel.open(place, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length < IMAGES_HEADER + TRAILER_BYTES) {
                return "the old copy is cut short";
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
            while (trailer.hasRemaining()) {
                if (channel.read(trailer, length - TRAILER_BYTES + trailer.position()) < 0) {
                    throw new EOFException();
                }
            }
            trailer.flip();
            byte[] magic = new byte[MAGIC.length];
            trailer.get(magic);
            if (!Arrays.equals(magic, MAGIC) || trailer.getInt() != VERSION) {
                return "the old file is not a complete decompressed copy of this version (cut short or foreign)";
            }
            long data = trailer.getLong();
            byte[] stored = new byte[fingerprint.length];
            trailer.get(stored);
            if (!Arrays.equals(stored, fingerprint)) {
                return "the gzipped file changed since the copy was made";
            }
            if (data != length - TRAILER_BYTES) {
                return "the old copy is cut short";
            }
            return null;
        } catch (IOException e) {
            return "the old copy cannot be read (" + e.getMessage() + ")";
        }
    }

    /**
     * Decompresses a gzipped IDX image file into {@code target}, checking its header first and its length at the
     * end, and appends the trailer.
     */
    private void write(Path gz, Path target, byte[] fingerprint, String set) throws IOException, DatasetException {
        try (DataInputStream in = new DataInputStream(
                        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(gz), CHUNK), CHUNK));
                FileChannel out = FileChannel.open(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] header = new byte[IMAGES_HEADER];
            readHeader(gz, in, header, 0, Integer.BYTES);
            ByteBuffer fields = ByteBuffer.wrap(header);
            int magic = fields.getInt();
            if (magic != IdxReader.IMAGES_MAGIC) {
                throw new DatasetException(String.format(
                        "%s: not an IDX image file: magic number is 0x%08X, expected 0x%08X (idx3-ubyte);"
                                + " check that 'images' and 'labels' point to the right files",
                        gz, magic, IdxReader.IMAGES_MAGIC));
            }
            readHeader(gz, in, header, Integer.BYTES, IMAGES_HEADER - Integer.BYTES);
            int count = fields.getInt();
            int height = fields.getInt();
            int width = fields.getInt();
            if (count < 0 || height <= 0 || width <= 0) {
                throw new DatasetException(gz + ": IDX header gives an impossible size " + count + " images of "
                        + height + "x" + width + "; the file is damaged, fetch it again");
            }
            long body = (long) count * height * width;
            if (body / height / width != count) {
                throw new DatasetException(gz + ": IDX header gives an impossible size " + count + " images of "
                        + height + "x" + width + "; the file is damaged, fetch it again");
            }
            long needed = IMAGES_HEADER + body + TRAILER_BYTES;
            long usable =
                    Files.getFileStore(target.toAbsolutePath().getParent()).getUsableSpace();
            if (usable < needed) {
                throw new DatasetException(String.format(
                        Locale.ROOT,
                        "%s: the decompressed copy of %s (%,d images of %dx%d) needs %,d MB but its disk has"
                                + " %,d MB free; free space on that disk, or decompress the file yourself (gunzip)"
                                + " where there is room and point 'images' at it, which is read in place",
                        kept ? place : target,
                        gz,
                        count,
                        height,
                        width,
                        needed >> 20,
                        usable >> 20));
            }
            writeFully(out, ByteBuffer.wrap(header), 0);
            Progress progress = Progress.of("decompressing " + set + " images from " + gz, count, log);
            long imageBytes = (long) height * width;
            long written = 0;
            byte[] chunk = new byte[CHUNK];
            try {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    long before = written / imageBytes;
                    writeFully(out, ByteBuffer.wrap(chunk, 0, n), IMAGES_HEADER + written);
                    written += n;
                    progress.advance(Math.min(count, written / imageBytes) - before);
                }
            } catch (EOFException e) {
                throw new DatasetException(gz + ": truncated: the gzip data ends after " + written + " of the "
                        + body + " image bytes its IDX header announces (" + count + " images of " + height + "x"
                        + width + "); the file is incomplete, fetch it again");
            } catch (ZipException e) {
                throw new DatasetException(
                        gz + ": damaged gzip data (" + e.getMessage() + "); the file is corrupt, fetch it again");
            }
            progress.finish();
            if (written < body) {
                throw new DatasetException(gz + ": truncated: the header announces " + count + " images of " + height
                        + "x" + width + " (" + body + " bytes) but only " + written + " bytes follow; the file is"
                        + " incomplete, fetch it again");
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES)
                    .put(MAGIC)
                    .putInt(VERSION)
                    .putLong(IMAGES_HEADER + written)
                    .put(fingerprint);
            trailer.position(0);
            writeFully(out, trailer, IMAGES_HEADER + written);
            if (kept) {
                out.force(true);
            }
        }
    }

    private static void readHeader(Path gz, DataInputStream in, byte[] header, int from, int length)
            throws IOException, DatasetException {
        try {
            in.readFully(header, from, length);
        } catch (EOFException e) {
            throw new DatasetException(gz + ": truncated: the file ends inside its IDX header; fetch it again");
        } catch (ZipException e) {
            throw new DatasetException(
                    gz + ": damaged gzip data (" + e.getMessage() + "); the file is corrupt, fetch it again");
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }

    /**
     * Returns the SHA-256 of what the copy depends on: the gzipped file's path, size, modification time and file key
     * (its inode where the file system has one).
     */
    private static byte[] fingerprint(Path gz) throws DatasetException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(gz, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DatasetException(gz + ": cannot be read (" + e.getMessage() + "); restore the file");
        }
        String key = String.format(
                Locale.ROOT,
                "v%d\n%s\n%d\n%d\n%s\n",
                VERSION,
                gz.toAbsolutePath().normalize(),
                attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                attributes.fileKey());
        return Sha256.newDigest().digest(key.getBytes(StandardCharsets.UTF_8));
    }
}

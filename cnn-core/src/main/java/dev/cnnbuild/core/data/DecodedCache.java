package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.AtomicFiles;
import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.files.Sha256;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The decoded cache: a listing's images decoded and resized once into a file of bytes, image after image in the
 * listing's order, which later epochs, builds, {@code cnn:check} and the test API read instead of decoding again
 * ({@link FileImageStore}). A 64-byte header holds a format version, the input shape, the image count and a SHA-256
 * fingerprint of the input shape, the resize mode and every file's key, class, size and modification time (no file
 * is read: checking 20,000 unchanged files takes a few {@code stat} calls each). A cache whose fingerprint, shape or
 * length does not match (a file changed, added or removed, another input shape, a file cut short, not a cache at
 * all) is rebuilt. Building decodes on {@code workers} threads and writes to a staging file that is synced and
 * renamed into place only when complete, so a full disk or a killed build leaves no cache that could be trusted.
 * Checking, building and opening happen under a lock ({@link #lockFile}, a {@link CacheLock}) that other processes
 * and threads wait for, saying so in the log, so two builds reaching the same cache at once build it once and both
 * read it; a reader that has opened a cache
 * keeps reading the file it opened even when a later build renames another in its place. An
 * unreadable image that {@link BadImages} skips keeps its slot, zero-filled, and a trailer after the images lists the
 * skipped slots, so a reused cache leaves out the same images and names them again.
 *
 * <pre>{@code
 * DecodedCache.Opened cache = DecodedCache.open(
 *         Path.of("target/cnn-cache/pets/train.images"),
 *         new ImageDecoding(listing, new InputShape(3, 224, 224), ResizeMode.CROP, 2,
 *                 new BadImages(BadImagePolicy.FAIL), Progress.NONE),
 *         log::info);
 * try (FileImageStore train = cache.store()) {
 *     cache.reason();    // "built: there was no cache yet", or "reused"
 * }
 * }</pre>
 */
public final class DecodedCache {
    /** The name of the caches' folder beside an output directory: {@code target/cnn} has {@code target/cnn-cache}. */
    public static final String FOLDER = "cnn-cache";

    /** The bytes before the first image. */
    public static final int HEADER_BYTES = 64;

    private static final byte[] MAGIC = "CNNIMGS\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 2;
    private static final String REUSED = "reused";

    private DecodedCache() {}

    /**
     * A cache opened for reading.
     *
     * @param store its images, to be closed
     * @param reason {@code "reused"}, or {@code "built: "} and why it was (re)built
     */
    public record Opened(FileImageStore store, String reason) {
        /** Returns whether the images were decoded now rather than read from an existing cache. */
        public boolean built() {
            return !REUSED.equals(reason);
        }
    }

    /**
     * Opens the cache of a listing's images, building it first when there is none or it does not match.
     *
     * @param cacheFile where the cache lies
     * @param decoding the images and how to decode them while building; its {@code badImages} hears of the skipped
     *     ones also when the cache is reused, so the log names the skipped files every time
     * @param log hears that the build waits for another build holding the cache's lock, and for how long
     * @return the cache, open, without the skipped images
     * @throws DatasetException if an image cannot be decoded (naming it) and {@code badImages} fails, every image of
     *     a class is skipped, or the cache cannot be written or read
     */
    public static Opened open(Path cacheFile, ImageDecoding decoding, Consumer<String> log) throws DatasetException {
        try (CacheLock lock = CacheLock.take(lockFile(cacheFile), cacheFile, "the decoded cache", log)) {
            Files.deleteIfExists(AtomicFiles.staging(cacheFile));
            return openLocked(cacheFile, decoding);
        } catch (IOException e) {
            throw new DatasetException(cacheFile + ": the decoded cache's lock " + lockFile(cacheFile)
                    + " cannot be taken, or a staging file left by a killed build cannot be deleted (" + e
                    + "); make the folder writable, or set 'data: {cache: false}' in the"
                    + " model file to decode every epoch instead");
        }
    }

    private static Opened openLocked(Path cacheFile, ImageDecoding decoding) throws DatasetException {
        ImageListing listing = decoding.listing();
        InputShape input = decoding.input();
        byte[] fingerprint = fingerprint(listing, input, decoding.resize());
        String mismatch = mismatch(cacheFile, listing.files().size(), input, fingerprint);
        if (mismatch != null) {
            build(cacheFile, decoding, fingerprint);
        }
        List<LabeledFile> files = listing.files();
        int[] skipped = skipped(cacheFile, files.size(), input);
        if (mismatch == null) {
            for (int slot : skipped) {
                decoding.badImages()
                        .found(files.get(slot).key(), unreadable(files.get(slot), input, decoding.resize()));
            }
        }
        Set<Integer> left = new HashSet<>();
        Arrays.stream(skipped).forEach(left::add);
        int[] slots =
                IntStream.range(0, files.size()).filter(i -> !left.contains(i)).toArray();
        checkEveryClassLeft(listing, slots);
        try {
            return new Opened(
                    FileImageStore.open(
                            cacheFile,
                            HEADER_BYTES,
                            input.channels(),
                            input.height(),
                            input.width(),
                            slots,
                            Arrays.stream(slots).map(i -> files.get(i).label()).toArray(),
                            Arrays.stream(slots)
                                    .mapToObj(i -> files.get(i).key())
                                    .toList()),
                    mismatch == null ? REUSED : "built: " + mismatch);
        } catch (IOException e) {
            throw new DatasetException(
                    cacheFile + ": the decoded cache cannot be opened (" + e + "); delete it and build again");
        }
    }

    /** Returns why a file skipped when the cache was built cannot be read: decoding it again says. */
    private static UnreadableImageException unreadable(LabeledFile file, InputShape input, ResizeMode resize)
            throws DatasetException {
        try {
            ImageDecoder.decode(file.file(), input, resize);
        } catch (UnreadableImageException e) {
            return e;
        }
        return new UnreadableImageException(file.file() + ": could not be read when the decoded cache was built;"
                + " delete the cache (mvn clean) to decode it again");
    }

    /** Fails if skipping left a class of the listing without images, which would shift what the model learns. */
    static void checkEveryClassLeft(ImageListing listing, int[] slots) throws DatasetException {
        boolean[] listed = new boolean[listing.classNames().size()];
        listing.files().forEach(file -> listed[file.label()] = true);
        boolean[] left = new boolean[listed.length];
        for (int slot : slots) {
            left[listing.files().get(slot).label()] = true;
        }
        for (int label = 0; label < listed.length; label++) {
            if (listed[label] && !left[label]) {
                throw new DatasetException(listing.root() + ": every image of class '"
                        + listing.classNames().get(label) + "' is unreadable and was skipped (onBadImage: skip);"
                        + " replace them with readable images, or remove the class");
            }
        }
    }

    /** Returns the slots of the images skipped as unreadable, from the cache's trailer. */
    private static int[] skipped(Path cacheFile, int count, InputShape input) throws DatasetException {
        long trailer = sizeOnDisk(count, input) - Integer.BYTES;
        try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.READ)) {
            ByteBuffer number = ByteBuffer.allocate(Integer.BYTES);
            readFully(channel, number, trailer);
            ByteBuffer slots = ByteBuffer.allocate(number.flip().getInt() * Integer.BYTES);
            readFully(channel, slots, trailer + Integer.BYTES);
            int[] skipped = new int[slots.capacity() / Integer.BYTES];
            slots.flip().asIntBuffer().get(skipped);
            return skipped;
        } catch (IOException e) {
            throw new DatasetException(
                    cacheFile + ": the decoded cache cannot be read (" + e + "); delete it and build again");
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("cut short at byte " + (position + buffer.position()));
            }
        }
    }

    /**
     * Returns the folder of the caches beside an output directory: {@code target/cnn-cache} for {@code target/cnn},
     * where training and {@code cnn:check} keep them. A caller that evaluates a model directory which is not in an
     * output directory (a temporary copy, say) names its own folder instead of deriving one from the model's.
     *
     * <pre>{@code
     * Path caches = DecodedCache.folderBeside(Path.of("target/cnn"));   // /p/target/cnn-cache
     * }</pre>
     *
     * @param outputDirectory the folder that holds model directories
     * @return the absolute folder of the caches
     */
    public static Path folderBeside(Path outputDirectory) {
        return outputDirectory.toAbsolutePath().normalize().resolveSibling(FOLDER);
    }

    /**
     * Returns the cache file of one model's training or test images: {@code target/cnn-cache/pets/train.images} for
     * the folder of the caches {@code target/cnn-cache}.
     *
     * <pre>{@code
     * Path file = DecodedCache.file(DecodedCache.folderBeside(Path.of("target/cnn")), "pets", "train");
     * }</pre>
     *
     * @param cacheFolder the folder of the caches, such as {@link #folderBeside} gives
     * @param modelName the model's name
     * @param set {@code train} or {@code test}
     * @return the cache file
     */
    public static Path file(Path cacheFolder, String modelName, String set) {
        return cacheFolder.toAbsolutePath().resolve(modelName).resolve(set + ".images");
    }

    /**
     * Returns the bytes a cache of {@code count} images of the input shape takes on disk.
     *
     * @param count the images
     * @param input their shape
     * @return the header, the images' bytes and the trailer, when no image is skipped (4 bytes more per skipped one)
     */
    public static long sizeOnDisk(int count, InputShape input) {
        return HEADER_BYTES + (long) count * input.channels() * input.height() * input.width() + Integer.BYTES;
    }

    /** Returns why the cache cannot be used as it is, or {@code null} when it can. */
    private static String mismatch(Path cacheFile, int count, InputShape input, byte[] fingerprint)
            throws DatasetException {
        if (!Files.isRegularFile(cacheFile)) {
            return "there was no cache yet";
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        long length;
        try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.READ)) {
            length = channel.size();
            while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
                // reads the header whole, or what there is of it
            }
        } catch (IOException e) {
            return "the old cache cannot be read (" + e.getMessage() + ")";
        }
        header.flip();
        if (header.remaining() < HEADER_BYTES
                || !Arrays.equals(bytes(header, MAGIC.length), MAGIC)
                || header.getInt() != VERSION) {
            return "the old file is not a decoded cache of this version";
        }
        int channels = header.getInt();
        int height = header.getInt();
        int width = header.getInt();
        if (channels != input.channels() || height != input.height() || width != input.width()) {
            return String.format(
                    Locale.ROOT,
                    "the old cache holds images of %dx%dx%d, the model takes %dx%dx%d",
                    channels,
                    height,
                    width,
                    input.channels(),
                    input.height(),
                    input.width());
        }
        int cachedCount = header.getInt();
        if (cachedCount != count || !Arrays.equals(bytes(header, fingerprint.length), fingerprint)) {
            return "the image files changed (added, removed or modified) since the cache was built";
        }
        long expected = sizeOnDisk(count, input);
        if (length >= expected) {
            try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.READ)) {
                ByteBuffer skipped = ByteBuffer.allocate(Integer.BYTES);
                readFully(channel, skipped, expected - Integer.BYTES);
                expected += (long) skipped.flip().getInt() * Integer.BYTES;
            } catch (IOException e) {
                return "the old cache cannot be read (" + e.getMessage() + ")";
            }
        }
        if (length != expected) {
            return String.format(Locale.ROOT, "the old cache is %,d bytes, not %,d (cut short)", length, expected);
        }
        return null;
    }

    private static byte[] bytes(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * Returns the SHA-256 of what the cached bytes depend on: the format, input shape and resize mode, and each file's
     * key, class, size and modification time in the listing's order.
     */
    static byte[] fingerprint(ImageListing listing, InputShape input, ResizeMode resize) throws DatasetException {
        MessageDigest digest = Sha256.newDigest();
        digest.update(String.format(
                        Locale.ROOT,
                        "v%d %dx%dx%d %s %d\n",
                        VERSION,
                        input.channels(),
                        input.height(),
                        input.width(),
                        resize,
                        listing.files().size())
                .getBytes(StandardCharsets.UTF_8));
        for (LabeledFile file : listing.files()) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file.file(), BasicFileAttributes.class);
            } catch (IOException e) {
                throw new DatasetException(file.file() + ": cannot be read (" + e.getMessage()
                        + "); restore the file or remove it from the data");
            }
            digest.update((file.key()
                            + '\0'
                            + file.label()
                            + '\0'
                            + attributes.size()
                            + '\0'
                            + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                            + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return digest.digest();
    }

    private static void build(Path cacheFile, ImageDecoding decoding, byte[] fingerprint) throws DatasetException {
        long bytes = sizeOnDisk(decoding.listing().files().size(), decoding.input());
        try {
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            long usable =
                    Files.getFileStore(cacheFile.toAbsolutePath().getParent()).getUsableSpace();
            if (usable < bytes) {
                throw new DatasetException(String.format(
                        Locale.ROOT,
                        "%s: the decoded cache needs %,d MB but its disk has %,d MB free; free space, or set"
                                + " 'data: {cache: false}' in the model file to decode every epoch instead",
                        cacheFile,
                        bytes >> 20,
                        usable >> 20));
            }
            AtomicFiles.writeFile(cacheFile, staging -> write(staging, decoding, fingerprint));
        } catch (StagedDatasetFailure e) {
            throw e.failure();
        } catch (IOException e) {
            throw new DatasetException(String.format(
                    Locale.ROOT,
                    "%s: the decoded cache (%,d MB) cannot be written (%s); free space on its disk, or set"
                            + " 'data: {cache: false}' in the model file to decode every epoch instead",
                    cacheFile,
                    bytes >> 20,
                    e.getMessage()));
        }
    }

    private static void write(Path staging, ImageDecoding decoding, byte[] fingerprint) throws IOException {
        List<LabeledFile> files = decoding.listing().files();
        InputShape input = decoding.input();
        int workers = decoding.workers();
        Progress progress = decoding.progress();
        int size = input.channels() * input.height() * input.width();
        try (FileChannel channel = FileChannel.open(
                staging, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                    .put(MAGIC)
                    .putInt(VERSION)
                    .putInt(input.channels())
                    .putInt(input.height())
                    .putInt(input.width())
                    .putInt(files.size())
                    .put(fingerprint);
            header.position(0);
            writeFully(channel, header, 0);
            AtomicInteger next = new AtomicInteger();
            ConcurrentSkipListMap<Integer, Exception> errors = new ConcurrentSkipListMap<>();
            Set<Integer> skipped = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), DataThreads.named("cnn-cache"));
            try {
                for (int w = 0; w < Math.max(1, workers); w++) {
                    pool.execute(() -> {
                        for (int i = next.getAndIncrement();
                                i < files.size() && errors.isEmpty();
                                i = next.getAndIncrement()) {
                            try {
                                byte[] image = ImageDecoder.decode(files.get(i).file(), input, decoding.resize());
                                writeFully(channel, ByteBuffer.wrap(image), HEADER_BYTES + (long) i * size);
                            } catch (UnreadableImageException e) {
                                try {
                                    decoding.badImages().found(files.get(i).key(), e);
                                    skipped.add(i);
                                } catch (DatasetException fail) {
                                    errors.put(i, fail);
                                }
                            } catch (DatasetException | IOException | RuntimeException e) {
                                errors.put(i, e);
                            } catch (Error e) {
                                errors.put(
                                        i,
                                        new IllegalStateException(
                                                "decoding " + files.get(i).file() + " failed", e));
                            }
                            progress.advance();
                        }
                    });
                }
            } finally {
                pool.shutdown();
                awaitQuietly(pool);
            }
            progress.finish();
            if (!errors.isEmpty()) {
                Exception first = errors.firstEntry().getValue();
                if (first instanceof DatasetException bad) {
                    throw new StagedDatasetFailure(bad);
                }
                if (first instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) first;
            }
            int[] slots = skipped.stream().mapToInt(Integer::intValue).sorted().toArray();
            ByteBuffer trailer =
                    ByteBuffer.allocate(Integer.BYTES * (1 + slots.length)).putInt(slots.length);
            Arrays.stream(slots).forEach(trailer::putInt);
            writeFully(channel, trailer.flip(), HEADER_BYTES + (long) files.size() * size);
            channel.force(true);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }

    private static void awaitQuietly(ExecutorService pool) throws IOException {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // decoding a file takes milliseconds; keep waiting for the workers to drain
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the decoded cache", e);
        }
    }

    /**
     * Returns the lock file beside a cache, {@code .train.images.lock} for {@code train.images}, which a process holds
     * while it checks, builds or opens the cache.
     *
     * <pre>{@code
     * Path lock = DecodedCache.lockFile(Path.of("target/cnn-cache/pets/train.images"));
     * }</pre>
     *
     * @param cacheFile the cache
     * @return its lock file, which stays after the lock is released
     */
    public static Path lockFile(Path cacheFile) {
        Path absolute = cacheFile.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
    }
}

package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.BadImagePolicy;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoded cache holds exactly what decoding gives, is reused while nothing changes, and is rebuilt when a file
 * changes, is added or removed, the cache is cut short or made for another input shape; a bad image is named and
 * leaves no cache.
 */
class DecodedCacheTest {
    private static final InputShape INPUT = new InputShape(3, 8, 8);

    @TempDir
    Path dir;

    private Path cacheFile() {
        return dir.resolve("cache/train.images");
    }

    private DecodedCache.Opened open(InputShape input) throws Exception {
        return DecodedCache.open(
                cacheFile(),
                new ImageDecoding(
                        ImageFolderListing.list(dir.resolve("images")),
                        input,
                        ResizeMode.STRETCH,
                        3,
                        new BadImages(BadImagePolicy.FAIL),
                        Progress.NONE),
                line -> {});
    }

    private String reopen() throws Exception {
        DecodedCache.Opened opened = open(INPUT);
        opened.store().close();
        return opened.reason();
    }

    @Test
    void theCacheHoldsTheDecodedBytesInListingOrderAndIsReusedWhileNothingChanges() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 7, 10, 12, 1);
        ImageListing listing = ImageFolderListing.list(dir.resolve("images"));
        DecodingImageStore decoded = new DecodingImageStore(listing, INPUT, ResizeMode.STRETCH);
        int[] all = IntStream.range(0, 14).toArray();

        DecodedCache.Opened first = open(INPUT);
        try (FileImageStore store = first.store()) {
            assertThat(first.reason()).isEqualTo("built: there was no cache yet");
            assertThat(store.count()).isEqualTo(14);
            assertThat(store.labels()).containsExactly(decoded.labels());
            assertThat(store.fileName(8)).isEqualTo(decoded.fileName(8));
            assertThat(store.gather(all).pixels()).isEqualTo(decoded.gather(all).pixels());
            assertThat(store.gather(new int[] {9, 2}).pixels())
                    .isEqualTo(decoded.gather(new int[] {9, 2}).pixels());
        }
        assertThat(Files.size(cacheFile())).isEqualTo(DecodedCache.sizeOnDisk(14, INPUT));
        assertThat(reopen()).isEqualTo("reused");
        try (Stream<Path> left = Files.list(cacheFile().getParent())) {
            assertThat(left).containsExactlyInAnyOrder(cacheFile(), DecodedCache.lockFile(cacheFile()));
        }
    }

    @Test
    void aChangedFileIsSeenByItsModificationTimeAndSize() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        reopen();
        Path changed = dir.resolve("images/red/001.png");
        Files.setLastModifiedTime(
                changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));

        assertThat(reopen()).startsWith("built: the image files changed");
        assertThat(reopen()).isEqualTo("reused");
    }

    @Test
    void anAddedOrRemovedFileRebuildsTheCacheWithTheNewImages() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        reopen();
        TinyImages.solid(dir.resolve("images/blue/100.png"), 8, 8, 0xFF0000, "png");

        DecodedCache.Opened added = open(INPUT);
        try (FileImageStore store = added.store()) {
            assertThat(added.reason()).startsWith("built: the image files changed");
            assertThat(store.count()).isEqualTo(7);
            byte[] image = new byte[store.imageSize()];
            store.read(3, image, 0);
            assertThat(image[0] & 0xFF).isEqualTo(255);
        }

        Files.delete(dir.resolve("images/blue/000.png"));
        assertThat(reopen()).startsWith("built: the image files changed");
    }

    @Test
    void aCutShortCacheIsRebuilt() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        reopen();
        try (RandomAccessFile file = new RandomAccessFile(cacheFile().toFile(), "rw")) {
            file.setLength(file.length() - 10);
        }

        assertThat(reopen()).startsWith("built: the old cache is ").endsWith("(cut short)");
        assertThat(Files.size(cacheFile())).isEqualTo(DecodedCache.sizeOnDisk(6, INPUT));
    }

    @Test
    void aCacheOfAnotherInputShapeOrNotACacheAtAllIsRebuilt() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        reopen();

        DecodedCache.Opened grey = open(new InputShape(1, 8, 8));
        grey.store().close();
        assertThat(grey.reason()).isEqualTo("built: the old cache holds images of 3x8x8, the model takes 1x8x8");
        assertThat(Files.size(cacheFile())).isEqualTo(DecodedCache.sizeOnDisk(6, new InputShape(1, 8, 8)));

        Files.writeString(cacheFile(), "something else");
        assertThat(reopen()).isEqualTo("built: the old file is not a decoded cache of this version");
    }

    @Test
    void aBadImageIsNamedAndLeavesNoCache() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        Files.writeString(dir.resolve("images/red/001.png"), "not an image");

        assertThatThrownBy(() -> open(INPUT))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(dir.resolve("images/red/001.png") + ": ");
        assertThat(cacheFile()).doesNotExist();
        try (Stream<Path> left = Files.list(cacheFile().getParent())) {
            assertThat(left).containsExactly(DecodedCache.lockFile(cacheFile()));
        }
    }

    @Test
    void ofSeveralBadImagesTheFirstInListingOrderIsNamedWhateverTheWorkers() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 20, 8, 8, 1);
        for (String bad : new String[] {"blue/004.png", "blue/011.png", "red/002.png", "red/017.png"}) {
            Files.writeString(dir.resolve("images").resolve(bad), "not an image");
        }

        for (int workers : new int[] {1, 4}) {
            assertThatThrownBy(() -> DecodedCache.open(
                            cacheFile(),
                            new ImageDecoding(
                                    ImageFolderListing.list(dir.resolve("images")),
                                    INPUT,
                                    ResizeMode.STRETCH,
                                    workers,
                                    new BadImages(BadImagePolicy.FAIL),
                                    Progress.NONE),
                            line -> {}))
                    .hasMessageStartingWith(dir.resolve("images/blue/004.png") + ": ");
        }
    }

    @Test
    void aSkippedImageIsLeftOutOfTheCacheAndNamedAgainWhenTheCacheIsReused() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        Files.writeString(dir.resolve("images/red/001.png"), "not an image");
        ImageListing listing = ImageFolderListing.list(dir.resolve("images"));

        for (String expected : new String[] {"built: there was no cache yet", "reused"}) {
            BadImages skip = new BadImages(BadImagePolicy.SKIP);
            DecodedCache.Opened opened = DecodedCache.open(
                    cacheFile(),
                    new ImageDecoding(listing, INPUT, ResizeMode.STRETCH, 2, skip, Progress.NONE),
                    line -> {});
            try (FileImageStore store = opened.store()) {
                assertThat(opened.reason()).isEqualTo(expected);
                assertThat(store.count()).isEqualTo(5);
                assertThat(IntStream.range(0, 5).mapToObj(i -> store.fileName(i).orElseThrow()))
                        .containsExactly("blue/000.png", "blue/001.png", "blue/002.png", "red/000.png", "red/002.png");
                DecodingImageStore decoded = new DecodingImageStore(listing, INPUT, ResizeMode.STRETCH);
                assertThat(store.gather(new int[] {4}).pixels())
                        .isEqualTo(decoded.gather(new int[] {5}).pixels());
            }
            assertThat(skip.summary()).contains("skipped 1 unreadable image (onBadImage: skip): red/001.png");
        }
        assertThat(Files.size(cacheFile())).isEqualTo(DecodedCache.sizeOnDisk(6, INPUT) + Integer.BYTES);

        assertThatThrownBy(() -> DecodedCache.open(
                        cacheFile(),
                        new ImageDecoding(
                                listing,
                                INPUT,
                                ResizeMode.STRETCH,
                                2,
                                new BadImages(BadImagePolicy.FAIL),
                                Progress.NONE),
                        line -> {}))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(dir.resolve("images/red/001.png") + ": ")
                .hasMessageEndingWith("or set 'onBadImage: skip' in the model file's 'data' section to leave"
                        + " unreadable images out");
    }

    @Test
    void aCacheThatCannotBeWrittenSaysWhereAndHowToTurnItOff() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        Files.writeString(dir.resolve("cache"), "a file where the cache's folder should be");

        assertThatThrownBy(() -> open(INPUT))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(cacheFile().toAbsolutePath() + ": the decoded cache")
                .hasMessageEndingWith("or set 'data: {cache: false}' in the model file to decode every epoch instead");
    }

    @Test
    void threadsOpeningTheSameCacheAtOnceBuildItOnceAndAllReadTheDecodedImages() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 30, 12, 12, 1);
        ImageListing listing = ImageFolderListing.list(dir.resolve("images"));
        int[] all = IntStream.range(0, listing.files().size()).toArray();
        byte[] decoded = new DecodingImageStore(listing, INPUT, ResizeMode.STRETCH)
                .gather(all)
                .pixels();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> reasons = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reasons.add(threads.submit(() -> {
                    start.await();
                    DecodedCache.Opened opened = open(INPUT);
                    try (FileImageStore store = opened.store()) {
                        assertThat(store.gather(all).pixels()).isEqualTo(decoded);
                    }
                    return opened.reason();
                }));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> reason : reasons) {
                got.add(reason.get(2, TimeUnit.MINUTES));
            }
            assertThat(got).containsExactlyInAnyOrder("built: there was no cache yet", "reused", "reused", "reused");
        } finally {
            threads.shutdownNow();
        }
        try (Stream<Path> left = Files.list(cacheFile().getParent())) {
            assertThat(left).containsExactlyInAnyOrder(cacheFile(), DecodedCache.lockFile(cacheFile()));
        }
    }

    @Test
    void aProcessOpeningACacheAnotherProcessIsBuildingWaitsAndReadsTheOneItBuilt() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 300, 64, 64, 1);
        ImageListing listing = ImageFolderListing.list(dir.resolve("images"));
        int[] all = IntStream.range(0, listing.files().size()).toArray();
        String decoded = Arrays.toString(sha256(new DecodingImageStore(listing, INPUT, ResizeMode.STRETCH)
                .gather(all)
                .pixels()));
        Process other = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CacheOpener.class.getName(),
                        dir.resolve("images").toString(),
                        cacheFile().toString()))
                .redirectErrorStream(true)
                .start();
        try {
            Path staging = cacheFile().resolveSibling(".train.images.partial");
            while (!Files.exists(staging) && other.isAlive()) {
                Thread.sleep(5);
            }
            DecodedCache.Opened opened = open(INPUT);
            String mine;
            try (FileImageStore store = opened.store()) {
                mine = Arrays.toString(sha256(store.gather(all).pixels()));
            }
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(other.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(List.of(out.readLine(), opened.reason()))
                    .containsExactly("built: there was no cache yet", "reused");
            assertThat(out.readLine()).isEqualTo(decoded);
            assertThat(mine).isEqualTo(decoded);
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aStagingFileLeftByAKilledBuildIsDeletedWhetherTheCacheIsBuiltOrReused() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 3, 8, 8, 1);
        Path staging = cacheFile().resolveSibling(".train.images.partial");
        Files.createDirectories(staging.getParent());
        Files.writeString(staging, "half a cache from a build killed while decoding");

        assertThat(reopen()).isEqualTo("built: there was no cache yet");
        assertThat(staging).doesNotExist();

        Files.writeString(staging, "half a cache from a rebuild killed while decoding");
        assertThat(reopen()).isEqualTo("reused");
        assertThat(staging).doesNotExist();
        try (Stream<Path> left = Files.list(cacheFile().getParent())) {
            assertThat(left).containsExactlyInAnyOrder(cacheFile(), DecodedCache.lockFile(cacheFile()));
        }
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    /** Opens a cache in another process, decoding on one thread, and prints why it was built or reused and the
     * SHA-256 of all its images. */
    static final class CacheOpener {
        public static void main(String[] args) throws Exception {
            ImageListing listing = ImageFolderListing.list(Path.of(args[0]));
            DecodedCache.Opened opened = DecodedCache.open(
                    Path.of(args[1]),
                    new ImageDecoding(
                            listing, INPUT, ResizeMode.STRETCH, 1, new BadImages(BadImagePolicy.FAIL), Progress.NONE),
                    line -> {});
            try (FileImageStore store = opened.store()) {
                System.out.println(opened.reason());
                System.out.println(Arrays.toString(sha256(
                        store.gather(IntStream.range(0, listing.files().size()).toArray())
                                .pixels())));
            }
        }
    }
}

package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.spec.DatasetFiles;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzipped IDX image file is read by position from a decompressed copy: kept beside the decoded cache and reused
 * while the file is unchanged, made again when it changed, was cut short, deleted or replaced by something else, or
 * a temporary copy deleted once opened; a damaged, cut-short or foreign file and a full disk are named with the fix.
 */
class DecompressedIdxTest {
    private static final InputShape INPUT = new InputShape(1, 4, 5);

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private byte[] pixels;
    private Path gz;
    private Path labels;

    @BeforeEach
    void writeData() throws Exception {
        pixels = new byte[7 * 4 * 5];
        new Random(5).nextBytes(pixels);
        gz = dir.resolve("data/images.gz");
        Files.createDirectories(gz.getParent());
        TinyDataset.writeGzip(gz, TinyDataset.imageFile(7, 4, 5, pixels));
        labels = Files.write(dir.resolve("data/labels"), TinyDataset.labelFile(new byte[] {1, 0, 2, 2, 0, 1, 1}));
    }

    private Path copy() {
        return dir.resolve("cnn-cache/tiny/train.idx");
    }

    private ImageStore open(DecompressedIdx place) throws DatasetException {
        return DatasetLoader.store(new DatasetFiles(gz, labels), INPUT, 3, place, "training");
    }

    /** Opens through the cached copy, checks every image's bytes, and returns the log line about the copy. */
    private String openCached() throws Exception {
        log.clear();
        try (ImageStore store = open(DecompressedIdx.cached(copy(), log::add))) {
            assertThat(store).isInstanceOf(FileImageStore.class);
            assertThat(store.count()).isEqualTo(7);
            assertThat(store.labels()).containsExactly(1, 0, 2, 2, 0, 1, 1);
            assertThat(store.gather(new int[] {0, 1, 2, 3, 4, 5, 6}).pixels()).isEqualTo(pixels);
        }
        assertThat(log).hasSize(1);
        return log.get(0);
    }

    @Test
    void theCopyIsMadeOnceAndReusedWhileTheGzippedFileIsUnchanged() throws Exception {
        assertThat(openCached())
                .isEqualTo("training images decompressed from " + gz + " into " + copy()
                        + " (0.0 MB), because there was no decompressed copy yet");
        assertThat(openCached()).isEqualTo("training images read from the decompressed copy " + copy() + " of " + gz);
        assertThat(Files.size(copy())).isEqualTo(16 + 7 * 4 * 5 + DecompressedIdx.TRAILER_BYTES);
        try (Stream<Path> left = Files.list(copy().getParent())) {
            assertThat(left).containsExactlyInAnyOrder(copy(), DecompressedIdx.lockFile(copy()));
        }
    }

    @Test
    void aChangedGzippedFileACutShortOrForeignCopyAndADeletedCopyAreMadeAgain() throws Exception {
        openCached();

        new Random(6).nextBytes(pixels);
        TinyDataset.writeGzip(gz, TinyDataset.imageFile(7, 4, 5, pixels));
        Files.setLastModifiedTime(
                gz, FileTime.fromMillis(Files.getLastModifiedTime(gz).toMillis() + 2000));
        assertThat(openCached()).endsWith("because the gzipped file changed since the copy was made");

        byte[] whole = Files.readAllBytes(copy());
        Files.write(copy(), Arrays.copyOf(whole, whole.length - 10));
        assertThat(openCached()).endsWith("(cut short or foreign)");

        Files.writeString(copy(), "something else entirely, long enough to hold a trailer".repeat(3));
        assertThat(openCached()).endsWith("(cut short or foreign)");

        Files.delete(copy());
        assertThat(openCached()).endsWith("because there was no decompressed copy yet");
        assertThat(openCached()).startsWith("training images read from the decompressed copy");
    }

    @Test
    void aTemporaryCopyIsDeletedOnceOpenedAndStillRead() throws Exception {
        Path folder = dir.resolve("cnn-cache/tiny");
        try (ImageStore store = open(DecompressedIdx.temporary(folder, log::add))) {
            try (Stream<Path> left = Files.list(folder)) {
                assertThat(left).isEmpty();
            }
            assertThat(store.gather(new int[] {6, 0, 3}).pixels())
                    .isEqualTo(new HeapImageStore(DatasetLoader.load(new DatasetFiles(gz, labels), INPUT, 3))
                            .gather(new int[] {6, 0, 3})
                            .pixels());
        }
        assertThat(log).isEmpty();
    }

    @Test
    void aCutShortGzippedFileIsNamedAndLeavesNoCopy() throws Exception {
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> open(DecompressedIdx.cached(copy(), log::add)))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(gz + ": truncated: the gzip data ends after ")
                .hasMessageEndingWith("the file is incomplete, fetch it again");
        try (Stream<Path> left = Files.list(copy().getParent())) {
            assertThat(left).containsExactly(DecompressedIdx.lockFile(copy()));
        }
        assertThatThrownBy(() -> open(DecompressedIdx.temporary(copy().getParent(), log::add)))
                .hasMessageStartingWith(gz + ": truncated: ");
        try (Stream<Path> left = Files.list(copy().getParent())) {
            assertThat(left).containsExactly(DecompressedIdx.lockFile(copy()));
        }
    }

    @Test
    void damagedGzipDataAFileNamedGzThatIsNotGzipAndGzippedLabelsAsImagesAreNamed() throws Exception {
        byte[] whole = Files.readAllBytes(gz);
        for (int i = 12; i < whole.length - 8; i++) {
            whole[i] = (byte) 0xA5;
        }
        Files.write(gz, whole);
        assertThatThrownBy(() -> open(DecompressedIdx.cached(copy(), log::add)))
                .hasMessageStartingWith(gz + ": damaged gzip data (")
                .hasMessageEndingWith("the file is corrupt, fetch it again");

        Files.writeString(gz, "<html>404 not found</html>");
        assertThatThrownBy(() -> open(DecompressedIdx.cached(copy(), log::add)))
                .hasMessageStartingWith(gz + ": not an IDX image file: magic number is 0x3C68746D");

        TinyDataset.writeGzip(gz, TinyDataset.labelFile(new byte[] {1, 0}));
        assertThatThrownBy(() -> open(DecompressedIdx.cached(copy(), log::add)))
                .hasMessage(gz + ": not an IDX image file: magic number is 0x00000801, expected 0x00000803"
                        + " (idx3-ubyte); check that 'images' and 'labels' point to the right files");
        assertThat(copy()).doesNotExist();
    }

    @Test
    void aCopyLargerThanTheFreeSpaceIsRefusedBeforeWritingWithTheFix() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(ByteBuffer.allocate(16)
                    .putInt(IdxReader.IMAGES_MAGIC)
                    .putInt(2_000_000_000)
                    .putInt(1000)
                    .putInt(1000)
                    .array());
        }
        Files.write(gz, bytes.toByteArray());

        assertThatThrownBy(() -> open(DecompressedIdx.cached(copy(), log::add)))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(copy() + ": the decompressed copy of " + gz
                        + " (2,000,000,000 images of 1000x1000) needs 1,907,348,632 MB but its disk has ")
                .hasMessageEndingWith(" MB free; free space on that disk, or decompress the file yourself (gunzip)"
                        + " where there is room and point 'images' at it, which is read in place");
        try (Stream<Path> left = Files.list(copy().getParent())) {
            assertThat(left).containsExactly(DecompressedIdx.lockFile(copy()));
        }
    }

    @Test
    void aCopyThatCannotBeWrittenSaysWhereAndWhatToDo() throws Exception {
        Files.createDirectories(dir.resolve("cnn-cache"));
        Files.writeString(dir.resolve("cnn-cache/tiny"), "a file where the cache's folder should be");

        assertThatThrownBy(() -> open(DecompressedIdx.cached(copy(), log::add)))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(copy() + ": the decompressed copy of " + gz + " cannot be written (")
                .hasMessageEndingWith("or decompress the file yourself (gunzip) and point 'images' at it, which is"
                        + " read in place");
        assertThatThrownBy(() -> open(DecompressedIdx.temporary(copy().getParent(), log::add)))
                .hasMessageStartingWith(
                        copy().getParent() + ": a temporary decompressed copy of " + gz + " cannot be written there (");
    }
}

package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static final byte[] PIXELS = {0, 1, 2, (byte) 255, 4, 5, 6, 7, 8, 9, 10, 11};

    @Test
    void readsRawImages() throws Exception {
        Path file = Files.write(dir.resolve("images"), TinyDataset.imageFile(3, 2, 2, PIXELS));

        ImageSet images = IdxReader.readImages(file);

        assertThat(images.count()).isEqualTo(3);
        assertThat(images.height()).isEqualTo(2);
        assertThat(images.width()).isEqualTo(2);
        assertThat(images.pixel(0, 1, 1)).isEqualTo(255);
        assertThat(images.pixel(2, 1, 0)).isEqualTo(10);
    }

    @Test
    void readsGzippedFilesWhateverTheirName() throws Exception {
        Path file = dir.resolve("images.raw");
        TinyDataset.writeGzip(file, TinyDataset.imageFile(3, 2, 2, PIXELS));

        assertThat(IdxReader.readImages(file).pixels()).isEqualTo(PIXELS);
    }

    @Test
    void readsLabelsAsUnsigned() throws Exception {
        Path file = dir.resolve("labels.gz");
        TinyDataset.writeGzip(file, TinyDataset.labelFile(new byte[] {3, 0, (byte) 200}));

        assertThat(IdxReader.readLabels(file)).containsExactly(3, 0, 200);
    }

    @Test
    void truncatedBodyIsReported() throws Exception {
        byte[] whole = TinyDataset.imageFile(3, 2, 2, PIXELS);
        Path file = Files.write(dir.resolve("images"), Arrays.copyOf(whole, whole.length - 5));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage(file + ": truncated: the header announces 3 images of 2x2 (12 bytes) but only 7 bytes"
                        + " follow; the file is incomplete, fetch it again");
    }

    @Test
    void headerClaimIsCheckedAgainstTheFileBeforeAllocating() throws Exception {
        byte[] claim = TinyDataset.imageFile(33_000_000, 8, 8, new byte[64]);
        Path file = Files.write(dir.resolve("images"), claim);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated: the header announces 33000000 images of 8x8 (2112000000 bytes) but"
                        + " only 64 bytes follow; the file is incomplete, fetch it again");
    }

    @Test
    void gzipCutInItsBodyIsNotCalledACutHeader() throws Exception {
        Random random = new Random(1);
        byte[] pixels = new byte[1000 * 4];
        random.nextBytes(pixels);
        Path whole = dir.resolve("whole.gz");
        TinyDataset.writeGzip(whole, TinyDataset.imageFile(1000, 2, 2, pixels));
        byte[] gzipped = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gzipped, gzipped.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated: the header announces 1000 images of 2x2 (4000 bytes) but the gzip"
                        + " data ends before them; the file is incomplete, fetch it again");
    }

    @Test
    void truncatedHeaderIsReported() throws Exception {
        Path file = Files.write(dir.resolve("labels"), new byte[] {0, 0, 8, 1, 0});

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessage(file + ": truncated: the file ends inside its IDX header; fetch it again");
    }

    @Test
    void wrongMagicIsReported() throws Exception {
        Path file = Files.write(dir.resolve("labels"), TinyDataset.labelFile(new byte[] {1, 2}));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": not an IDX image file: magic number is 0x00000801, expected 0x00000803"
                        + " (idx3-ubyte); check that 'images' and 'labels' point to the right files");
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("nowhere.gz");

        assertThatThrownBy(() -> IdxReader.readLabels(file)).hasMessage(file + " does not exist; check the path");
    }
}

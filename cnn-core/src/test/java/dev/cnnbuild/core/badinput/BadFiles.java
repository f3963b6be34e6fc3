package dev.cnnbuild.core.badinput;

import dev.cnnbuild.core.testing.TinyDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the tiny data set and, under {@code bad/}, every kind of bad data file that the corpus's model files point
 * at: files whose IDX header lies, cut files, empty data sets, a directory, symbolic-link loops and a named pipe.
 *
 * <pre>{@code
 * BadFiles.write(dir);   // dir/train-images.idx3.gz ..., dir/bad/huge-claim.idx3, dir/bad/fifo ...
 * }</pre>
 */
final class BadFiles {
    private static final int TEST_IMAGES = 128;

    private BadFiles() {}

    static void write(Path dir) throws IOException, InterruptedException {
        TinyDataset.writeData(dir);
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.createDirectories(bad.resolve("a-directory"));
        Files.createSymbolicLink(bad.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(bad.resolve("dangling"), Path.of("no-such-target"));
        mkfifo(bad.resolve("fifo"));
        Files.write(bad.resolve("huge-claim.idx3"), header(0x803, 33_000_000, 8, 8, 64));
        Files.write(bad.resolve("huge-claim.idx1"), header(0x801, 2_000_000_000, 72));
        byte[] testImages = TinyDataset.imageFile(TEST_IMAGES, 8, 8, new byte[TEST_IMAGES * 64]);
        Files.write(bad.resolve("cut-body.idx3"), Arrays.copyOf(testImages, 1000));
        byte[] gzipped = Files.readAllBytes(dir.resolve("test-images.idx3.gz"));
        Files.write(bad.resolve("cut-body.idx3.gz"), Arrays.copyOf(gzipped, gzipped.length / 2));
        byte[] header = gzip(bad, Arrays.copyOf(testImages, 10));
        Files.write(bad.resolve("cut-header.idx3.gz"), header);
        Files.write(bad.resolve("cut-header.idx1"), new byte[] {0, 0, 8, 1, 0});
        byte[] damaged = new byte[50];
        Arrays.fill(damaged, (byte) 0xFF);
        System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}, 0, damaged, 0, 10);
        Files.write(bad.resolve("damaged.gz"), damaged);
        Files.write(bad.resolve("negative-count.idx3"), header(0x803, -1, 8, 8, 0));
        Files.write(
                bad.resolve("seven-by-seven.idx3"),
                TinyDataset.imageFile(TEST_IMAGES, 7, 7, new byte[TEST_IMAGES * 49]));
        byte[] outOfRange = new byte[TEST_IMAGES];
        outOfRange[3] = 5;
        Files.write(bad.resolve("label-out-of-range.idx1"), TinyDataset.labelFile(outOfRange));
        Files.write(bad.resolve("few-labels.idx1"), TinyDataset.labelFile(new byte[100]));
        Files.write(bad.resolve("empty-file"), new byte[0]);
        Files.write(bad.resolve("empty.idx3"), TinyDataset.imageFile(0, 8, 8, new byte[0]));
        Files.write(bad.resolve("empty.idx1"), TinyDataset.labelFile(new byte[0]));
        TinyDataset.writeGzip(bad.resolve("empty.idx3.gz"), TinyDataset.imageFile(0, 8, 8, new byte[0]));
        TinyDataset.writeGzip(bad.resolve("empty.idx1.gz"), TinyDataset.labelFile(new byte[0]));
        TinyDataset.writeGzip(bad.resolve("all-zero-labels.idx1.gz"), TinyDataset.labelFile(new byte[TEST_IMAGES]));
    }

    /** An IDX header of the given magic and sizes, followed by {@code body} zero bytes. */
    private static byte[] header(int magic, int count, int... sizesThenBody) {
        int sizes = sizesThenBody.length - 1;
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * sizes + sizesThenBody[sizes]);
        buffer.putInt(magic).putInt(count);
        for (int i = 0; i < sizes; i++) {
            buffer.putInt(sizesThenBody[i]);
        }
        return buffer.array();
    }

    private static byte[] gzip(Path bad, byte[] content) throws IOException {
        Path file = Files.createTempFile(bad, "gzip", ".tmp");
        TinyDataset.writeGzip(file, content);
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    private static void mkfifo(Path file) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("mkfifo " + file + " failed");
        }
    }
}

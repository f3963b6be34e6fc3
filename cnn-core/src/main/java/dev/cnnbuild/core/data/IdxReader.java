package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.RegularFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzipped; gzip is recognised by its magic bytes, not the file name.
 *
 * <p>Images are {@code idx3-ubyte} (magic {@code 0x00000803}), labels {@code idx1-ubyte} (magic {@code 0x00000801}).
 *
 * <pre>{@code
 * ImageSet images = IdxReader.readImages(Path.of("data/train-images-idx3-ubyte.gz"));
 * int[] labels = IdxReader.readLabels(Path.of("data/train-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {}

    /**
     * Reads an {@code idx3-ubyte} image file.
     *
     * @param file the file, raw or gzipped
     * @return the images
     * @throws DatasetException if the file is missing, not an image file, or shorter than its header says
     */
    public static ImageSet readImages(Path file) throws DatasetException {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC, "image", "idx3-ubyte");
            int count = in.readInt();
            int height = in.readInt();
            int width = in.readInt();
            long expected = (long) count * height * width;
            if (count < 0 || height <= 0 || width <= 0 || expected > Integer.MAX_VALUE) {
                throw new DatasetException(file + ": IDX header gives an impossible size " + count + " images of "
                        + height + "x" + width + "; the file is damaged, fetch it again");
            }
            String what = count + " images of " + height + "x" + width;
            checkRawLength(file, IMAGES_HEADER, expected, what);
            byte[] pixels = readBody(file, in, (int) expected, what);
            return new ImageSet(count, height, width, pixels);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads the header of an uncompressed {@code idx3-ubyte} image file, checked against the file's length, so its
     * images can be read by position ({@value #IMAGES_HEADER} bytes, then {@code height x width} bytes per image)
     * without reading the file whole.
     *
     * @param file the file, not gzipped
     * @return the image count, height and width, as {@code {count, height, width}}
     * @throws DatasetException if the file is missing, not an image file, or shorter than its header says
     */
    static int[] readRawImagesHeader(Path file) throws DatasetException {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC, "image", "idx3-ubyte");
            int count = in.readInt();
            int height = in.readInt();
            int width = in.readInt();
            if (count < 0 || height <= 0 || width <= 0) {
                throw new DatasetException(file + ": IDX header gives an impossible size " + count + " images of "
                        + height + "x" + width + "; the file is damaged, fetch it again");
            }
            checkRawLength(
                    file, IMAGES_HEADER, (long) count * height * width, count + " images of " + height + "x" + width);
            return new int[] {count, height, width};
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Returns the bytes before an {@code idx3-ubyte} file's first image. */
    static int imagesHeaderBytes() {
        return IMAGES_HEADER;
    }

    /**
     * Returns whether a file is gzipped, by its magic bytes.
     *
     * @param file the file
     * @return whether it starts with gzip's magic bytes
     * @throws DatasetException if it cannot be read
     */
    static boolean gzipped(Path file) throws DatasetException {
        Optional<String> problem = RegularFiles.problem(file);
        if (problem.isPresent()) {
            throw new DatasetException(file + " " + problem.get());
        }
        try {
            return isGzip(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads an {@code idx1-ubyte} label file.
     *
     * @param file the file, raw or gzipped
     * @return the labels, one per image, as unsigned values
     * @throws DatasetException if the file is missing, not a label file, or shorter than its header says
     */
    public static int[] readLabels(Path file) throws DatasetException {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC, "label", "idx1-ubyte");
            int count = in.readInt();
            if (count < 0) {
                throw new DatasetException(file + ": IDX header gives a negative label count " + count
                        + "; the file is damaged, fetch it again");
            }
            checkRawLength(file, LABELS_HEADER, count, count + " labels");
            byte[] body = readBody(file, in, count, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = body[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException, DatasetException {
        Optional<String> problem = RegularFiles.problem(file);
        if (problem.isPresent()) {
            throw new DatasetException(file + " " + problem.get());
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        InputStream in = first == 0x1f && second == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }

    private static void checkMagic(Path file, int magic, int expected, String kind, String format)
            throws DatasetException {
        if (magic != expected) {
            throw new DatasetException(String.format(
                    "%s: not an IDX %s file: magic number is 0x%08X, expected 0x%08X (%s); "
                            + "check that 'images' and 'labels' point to the right files",
                    file, kind, magic, expected, format));
        }
    }

    /**
     * Checks an uncompressed file's length against its header before anything is allocated, so a header that
     * claims millions of images in a short file costs nothing.
     */
    private static void checkRawLength(Path file, int header, long length, String what)
            throws IOException, DatasetException {
        if (isGzip(file)) {
            return;
        }
        long follow = Files.size(file) - header;
        if (follow < length) {
            throw truncated(file, what, length, follow);
        }
    }

    /**
     * Reads the body in growing chunks: a gzipped file's length is known only once it is read, so memory follows
     * the bytes that really arrive, never the header's claim alone.
     */
    private static byte[] readBody(Path file, DataInputStream in, int length, String what)
            throws IOException, DatasetException {
        byte[] body = new byte[Math.min(length, FIRST_CHUNK)];
        int read = 0;
        try {
            while (read < length) {
                if (read == body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
                }
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (EOFException e) {
            throw new DatasetException(file + ": truncated: the header announces " + what + " (" + length
                    + " bytes) but the gzip data ends before them; the file is incomplete, fetch it again");
        }
        if (read < length) {
            throw truncated(file, what, length, read);
        }
        return body;
    }

    private static DatasetException truncated(Path file, String what, long length, long read) {
        return new DatasetException(file + ": truncated: the header announces " + what + " (" + length
                + " bytes) but only " + read + " bytes follow; the file is incomplete, fetch it again");
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static DatasetException unreadable(Path file, IOException e) {
        if (e instanceof EOFException) {
            return new DatasetException(file + ": truncated: the file ends inside its IDX header; fetch it again");
        }
        if (e instanceof ZipException) {
            return new DatasetException(file + ": damaged gzip data (" + e.getMessage() + "); fetch it again");
        }
        if (e instanceof NoSuchFileException) {
            return new DatasetException(file + ": file not found");
        }
        return new DatasetException(file + ": cannot be read (" + e.getMessage() + ")");
    }
}

package dev.cnnbuild.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * An {@link ImageStore} whose bytes lie in a file, image after image from a fixed position, read with positional
 * reads of a {@link FileChannel} (thread-safe, {@code long} positions, any size). The file is not memory-mapped: the
 * pages of a mapped file that a shuffled epoch touches count in the process's resident memory until the kernel
 * reclaims them, so mapping a data set larger than the memory would make the training fork look as large as the data
 * set; a positional read copies one image into the batch and leaves the rest to the kernel's page cache. Labels and
 * file names are held in the heap (a few bytes per image). {@link DecodedCache} writes and opens such files.
 *
 * <pre>{@code
 * try (FileImageStore store = FileImageStore.open(cacheFile, 64, 3, 224, 224, slots, labels, names)) {
 *     ImageSet batch = store.gather(new int[] {3, 1, 4});
 * }
 * }</pre>
 */
public final class FileImageStore implements ImageStore {
    private final Path file;
    private final FileChannel channel;
    private final long start;
    private final int channels;
    private final int height;
    private final int width;
    private final int[] slots;
    private final int[] labels;
    private final List<String> fileNames;

    private FileImageStore(
            Path file,
            FileChannel channel,
            long start,
            int channels,
            int height,
            int width,
            int[] slots,
            int[] labels,
            List<String> fileNames) {
        this.file = file;
        this.channel = channel;
        this.start = start;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.slots = slots;
        this.labels = labels;
        this.fileNames = fileNames;
    }

    /**
     * Opens a file of images.
     *
     * @param file the file
     * @param start the position of the first image's first byte
     * @param channels values per pixel
     * @param height rows per image
     * @param width columns per image
     * @param slots where each image lies, counted in images from {@code start}: image {@code i} is the
     *     {@code slots[i]}-th of the file, so that some may be left out
     * @param labels one class per image
     * @param fileNames one file name per image, or none
     * @return the store, to be closed
     * @throws IOException if the file cannot be opened
     */
    public static FileImageStore open(
            Path file,
            long start,
            int channels,
            int height,
            int width,
            int[] slots,
            int[] labels,
            List<String> fileNames)
            throws IOException {
        if (slots.length != labels.length || !fileNames.isEmpty() && fileNames.size() != labels.length) {
            throw new IllegalArgumentException(
                    slots.length + " slots, " + labels.length + " labels and " + fileNames.size() + " file names");
        }
        return new FileImageStore(
                file,
                FileChannel.open(file, StandardOpenOption.READ),
                start,
                channels,
                height,
                width,
                slots.clone(),
                labels.clone(),
                List.copyOf(fileNames));
    }

    /** Returns the file the images are read from. */
    public Path file() {
        return file;
    }

    @Override
    public int count() {
        return labels.length;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public Optional<String> fileName(int index) {
        return fileNames.isEmpty() ? Optional.empty() : Optional.of(fileNames.get(index));
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public void read(int index, byte[] target, int offset) throws DatasetException {
        int size = imageSize();
        ByteBuffer buffer = ByteBuffer.wrap(target, offset, size);
        long position = start + (long) slots[index] * size;
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + (size - buffer.remaining()));
                if (read < 0) {
                    throw new DatasetException(file + ": ends before image " + index + " (the file was cut short"
                            + " while in use); restore it (a decoded cache: delete it) and build again");
                }
            }
        } catch (IOException e) {
            throw new DatasetException(file + ": image " + index + " cannot be read (" + e.getMessage()
                    + "); restore it (a decoded cache: delete it) and build again");
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // a channel opened for reading has nothing to flush: closing cannot lose data
        }
    }
}

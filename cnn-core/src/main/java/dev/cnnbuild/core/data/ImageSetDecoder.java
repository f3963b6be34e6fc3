package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Decodes the files of a listing on all cores into one {@link ImageSet} of bytes, after checking that the bytes fit
 * the JVM's free heap. When several files are bad, the error names the first in the listing's order, so it is the
 * same on every run.
 *
 * <pre>{@code
 * LabeledImages train = ImageSetDecoder.decode(listing, new InputShape(3, 32, 32), ResizeMode.CROP);
 * }</pre>
 */
public final class ImageSetDecoder {

    private ImageSetDecoder() {}

    /**
     * Decodes every file of the listing.
     *
     * @param listing the files and their labels
     * @param input the model's input shape
     * @param resize what to do with images of another size
     * @return the images, in the listing's order, and their labels
     * @throws DatasetException if the images cannot fit the heap, or a file cannot be decoded or has the wrong size
     */
    public static LabeledImages decode(ImageListing listing, InputShape input, ResizeMode resize)
            throws DatasetException {
        return decode(listing, input, resize, DecodingProgress.NONE);
    }

    /**
     * Decodes every file of the listing, reporting progress.
     *
     * @param listing the files and their labels
     * @param input the model's input shape
     * @param resize what to do with images of another size
     * @param progress hears after each file how many are done
     * @return the images, in the listing's order, and their labels
     * @throws DatasetException if the images cannot fit the heap, or a file cannot be decoded or has the wrong size
     */
    public static LabeledImages decode(
            ImageListing listing, InputShape input, ResizeMode resize, DecodingProgress progress)
            throws DatasetException {
        List<LabeledFile> files = listing.files();
        int size = input.channels() * input.height() * input.width();
        checkMemory(listing, (long) files.size() * size, input);
        byte[] pixels = new byte[files.size() * size];
        DatasetException[] errors = new DatasetException[files.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                byte[] image = ImageDecoder.decode(files.get(i).file(), input, resize);
                System.arraycopy(image, 0, pixels, i * size, size);
            } catch (DatasetException e) {
                errors[i] = e;
            }
            progress.decoded(done.incrementAndGet(), files.size());
        });
        for (DatasetException error : errors) {
            if (error != null) {
                throw error;
            }
        }
        int[] labels = files.stream().mapToInt(LabeledFile::label).toArray();
        return new LabeledImages(
                new ImageSet(files.size(), input.channels(), input.height(), input.width(), pixels),
                labels,
                files.stream().map(LabeledFile::key).toList());
    }

    private static void checkMemory(ImageListing listing, long bytes, InputShape input) throws DatasetException {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > Integer.MAX_VALUE || bytes > free * 0.8) {
            long neededGiB = Math.max(1, (long) Math.ceil((runtime.maxMemory() + bytes * 1.5) / (double) (1L << 30)));
            throw new DatasetException(String.format(
                    Locale.ROOT,
                    "%s: %,d images of %dx%dx%d need %,d MB as bytes,"
                            + " but the training JVM has only %,d MB free of its %,d MB heap; give it more with"
                            + " <argLine>-Xmx%dg</argLine> (or -Dcnn.argLine=-Xmx%dg), or use smaller images",
                    listing.root(),
                    listing.files().size(),
                    input.channels(),
                    input.height(),
                    input.width(),
                    bytes >> 20,
                    free >> 20,
                    runtime.maxMemory() >> 20,
                    neededGiB,
                    neededGiB));
        }
    }
}

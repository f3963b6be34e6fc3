package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.BadImagePolicy;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Decodes the files of a listing on all cores into one {@link ImageSet} of bytes, after checking that the bytes fit
 * the JVM's free heap. When several files are bad, the error names the first in the listing's order, so it is the
 * same on every run; unreadable files that {@link BadImages} skips are left out with their labels.
 *
 * <pre>{@code
 * LabeledImages train = ImageSetDecoder.decode(listing, new InputShape(3, 32, 32), ResizeMode.CROP);
 * LabeledImages photos = ImageSetDecoder.decode(
 *         listing, input, ResizeMode.CROP, new BadImages(BadImagePolicy.SKIP), Progress.of("decoding", n, log::info));
 * }</pre>
 */
public final class ImageSetDecoder {

    private ImageSetDecoder() {}

    /**
     * Decodes every file of the listing; an unreadable file fails.
     *
     * @param listing the files and their labels
     * @param input the model's input shape
     * @param resize what to do with images of another size
     * @return the images, in the listing's order, and their labels
     * @throws DatasetException if the images cannot fit the heap, or a file cannot be decoded or has the wrong size
     */
    public static LabeledImages decode(ImageListing listing, InputShape input, ResizeMode resize)
            throws DatasetException {
        return decode(listing, input, resize, new BadImages(BadImagePolicy.FAIL), Progress.NONE);
    }

    /**
     * Decodes every file of the listing, reporting progress, and leaving out the unreadable files that
     * {@code badImages} skips together with their labels.
     *
     * @param listing the files and their labels
     * @param input the model's input shape
     * @param resize what to do with images of another size
     * @param badImages fails on an unreadable file, or records it as skipped
     * @param progress advanced after each file, and finished at the end
     * @return the images that could be read, in the listing's order, and their labels
     * @throws DatasetException if the images cannot fit the heap, a file has the wrong size, a file cannot be
     *     decoded and {@code badImages} fails, or every file of a class is skipped
     */
    public static LabeledImages decode(
            ImageListing listing, InputShape input, ResizeMode resize, BadImages badImages, Progress progress)
            throws DatasetException {
        List<LabeledFile> files = listing.files();
        int size = input.channels() * input.height() * input.width();
        checkMemory(listing, (long) files.size() * size, input);
        byte[] pixels = new byte[files.size() * size];
        DatasetException[] errors = new DatasetException[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                byte[] image = ImageDecoder.decode(files.get(i).file(), input, resize);
                System.arraycopy(image, 0, pixels, i * size, size);
            } catch (DatasetException e) {
                errors[i] = e;
            }
            progress.advance();
        });
        progress.finish();
        int[] kept = new int[files.size()];
        int count = 0;
        for (int i = 0; i < files.size(); i++) {
            if (errors[i] instanceof UnreadableImageException unreadable) {
                badImages.found(files.get(i).key(), unreadable);
            } else if (errors[i] != null) {
                throw errors[i];
            } else {
                kept[count++] = i;
            }
        }
        int[] labels = files.stream().mapToInt(LabeledFile::label).toArray();
        LabeledImages all = new LabeledImages(
                new ImageSet(files.size(), input.channels(), input.height(), input.width(), pixels),
                labels,
                files.stream().map(LabeledFile::key).toList());
        if (count == files.size()) {
            return all;
        }
        LabeledImages readable = all.select(Arrays.copyOf(kept, count));
        checkEveryClassLeft(listing, readable);
        return readable;
    }

    /** Fails if skipping left a class of the listing without images, which would shift what the model learns. */
    private static void checkEveryClassLeft(ImageListing listing, LabeledImages readable) throws DatasetException {
        boolean[] listed = new boolean[listing.classNames().size()];
        listing.files().forEach(file -> listed[file.label()] = true);
        boolean[] left = new boolean[listed.length];
        for (int label : readable.labels()) {
            left[label] = true;
        }
        for (int label = 0; label < listed.length; label++) {
            if (listed[label] && !left[label]) {
                throw new DatasetException(listing.root() + ": every image of class '"
                        + listing.classNames().get(label) + "' is unreadable and was skipped (onBadImage: skip);"
                        + " replace them with readable images, or remove the class");
            }
        }
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

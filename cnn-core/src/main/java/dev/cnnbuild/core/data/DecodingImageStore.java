package dev.cnnbuild.core.data;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.BadImagePolicy;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * An {@link ImageStore} that decodes each image from its file whenever it is read: the data with the decoded cache
 * turned off ({@code data.cache: false}). Nothing is kept but the listing, so memory does not grow with the data;
 * every epoch decodes every file again, on the workers that prepare the batches. Under {@code onBadImage: skip} the
 * files are decoded once first ({@link #readable}) to leave the unreadable ones out before the first epoch, as the
 * decoded cache does while it is built, so that every epoch sees the same images and labels; a file that cannot be
 * read later fails the epoch, naming it.
 *
 * <pre>{@code
 * ImageStore train = new DecodingImageStore(listing, new InputShape(3, 224, 224), ResizeMode.CROP);
 * ImageStore checked = new DecodingImageStore(
 *         DecodingImageStore.readable(new ImageDecoding(listing, input, ResizeMode.CROP, 2,
 *                 new BadImages(BadImagePolicy.SKIP), Progress.NONE)),
 *         input, ResizeMode.CROP);
 * }</pre>
 *
 * @param listing the image files and their classes
 * @param input the model's input shape
 * @param resize how images of another size are fitted
 */
public record DecodingImageStore(ImageListing listing, InputShape input, ResizeMode resize) implements ImageStore {

    /**
     * Decodes every file of a listing once, on worker threads and without keeping the pixels, and returns the listing
     * without the files that cannot be read, each reported to {@code badImages}.
     *
     * @param decoding the image files and how to decode them; its {@code badImages} hears of each unreadable file,
     *     and fails the build under {@code onBadImage: fail}
     * @return the readable files, with their labels
     * @throws DatasetException if {@code badImages} fails on an unreadable file (the first in listing order), or
     *     every image of a class is unreadable
     */
    public static ImageListing readable(ImageDecoding decoding) throws DatasetException {
        ImageListing listing = decoding.listing();
        int workers = decoding.workers();
        Progress progress = decoding.progress();
        List<LabeledFile> files = listing.files();
        ConcurrentHashMap<Integer, UnreadableImageException> bad = new ConcurrentHashMap<>();
        ConcurrentHashMap<Integer, Exception> failed = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), DataThreads.named("cnn-check"));
        try {
            for (int w = 0; w < Math.max(1, workers); w++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        try {
                            ImageDecoder.decode(files.get(i).file(), decoding.input(), decoding.resize());
                        } catch (UnreadableImageException e) {
                            bad.put(i, e);
                        } catch (DatasetException | RuntimeException e) {
                            failed.put(i, e);
                        }
                        progress.advance();
                    }
                });
            }
        } finally {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    // decoding a file takes milliseconds; keep waiting for the workers to drain
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        progress.finish();
        if (!failed.isEmpty()) {
            Exception first =
                    failed.get(failed.keySet().stream().sorted().findFirst().orElseThrow());
            if (first instanceof DatasetException e) {
                throw e;
            }
            throw (RuntimeException) first;
        }
        for (int i : bad.keySet().stream().sorted().toList()) {
            decoding.badImages().found(files.get(i).key(), bad.get(i));
        }
        int[] slots = IntStream.range(0, files.size())
                .filter(i -> !bad.containsKey(i))
                .toArray();
        DecodedCache.checkEveryClassLeft(listing, slots);
        return listing.withFiles(IntStream.of(slots).mapToObj(files::get).toList());
    }

    @Override
    public int count() {
        return listing.files().size();
    }

    @Override
    public int channels() {
        return input.channels();
    }

    @Override
    public int height() {
        return input.height();
    }

    @Override
    public int width() {
        return input.width();
    }

    @Override
    public int label(int index) {
        return listing.files().get(index).label();
    }

    @Override
    public Optional<String> fileName(int index) {
        return Optional.of(listing.files().get(index).key());
    }

    @Override
    public void read(int index, byte[] target, int offset) throws DatasetException {
        byte[] image;
        try {
            image = ImageDecoder.decode(listing.files().get(index).file(), input, resize);
        } catch (UnreadableImageException e) {
            new BadImages(BadImagePolicy.FAIL).found(listing.files().get(index).key(), e);
            throw e;
        }
        System.arraycopy(image, 0, target, offset, image.length);
    }
}

package dev.cnnbuild.core.training;

import dev.cnnbuild.core.data.DataThreads;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.nn.ImageTensors;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares an epoch's training batches on worker threads ahead of the network: each batch's images are read from the
 * {@link ImageStore} in the epoch's shuffled order, augmented ({@link Augmenter}, seeded by the epoch and the batch's
 * index) and, for a channels-last network, scaled to floats. At most {@link #depth()} batches are prepared or waiting
 * at a time, and they are handed out in order, so what a batch holds depends only on the seed, the epoch and its
 * index: 1 worker and 4 give the same batches, bit for bit. The time the network spent waiting for a batch is summed
 * per epoch. Closing stops the workers.
 *
 * <p>The batches' arrays are reused rather than allocated per batch, since each is large (64 images of 224x224 are
 * 9.6 MB of bytes, 38.5 MB of floats): a worker gathers and augments a batch in a byte array of the stream's and
 * copies it into a direct buffer, of floats or of bytes, that goes back to the stream when the batch is
 * {@linkplain #recycle recycled}. At most {@link #depth()} batches are prepared or waiting and one is in the
 * network's hands, so the stream holds at most {@code depth() + 1} buffers, and a byte array per worker.
 *
 * <pre>{@code
 * try (BatchStream stream = new BatchStream(train, augmenter, 64, 2, true)) {
 *     stream.startEpoch(order, epoch, batches);
 *     BatchStream.Batch first = stream.next();
 *     NDArray x = ImageTensors.fromChannelsLast(manager, first.floats(), first.count(), 3, 224, 224);
 *     stream.recycle(first); // its buffer is refilled by a later batch
 *     long waited = stream.waitedNanos();
 * }
 * }</pre>
 */
final class BatchStream implements AutoCloseable {
    private final ImageStore images;
    private final Augmenter augmenter;
    private final int batchSize;
    private final int workers;
    private final boolean scale;
    private final ExecutorService pool;
    private final ConcurrentLinkedQueue<ByteBuffer> freeBuffers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> freePixels = new ConcurrentLinkedQueue<>();
    private final Deque<Future<Batch>> ahead = new ArrayDeque<>();
    private long[] order;
    private int epoch;
    private int batches;
    private int submitted;
    private long waitedNanos;

    /**
     * One batch, ready for the network: its images as bytes or, where the stream scales them, as floats, in a direct
     * buffer of the stream's, to read until the batch is {@linkplain #recycle recycled}.
     *
     * @param picked the images' positions in the store
     * @param bytes their bytes, augmented, channel plane by plane ({@link ImageTensors#directBytes}), or {@code null}
     *     where they are scaled to floats
     * @param floats the same scaled to channels-last floats ({@link ImageTensors#channelsLastFloats}), or
     *     {@code null} when not asked for
     */
    record Batch(long[] picked, ByteBuffer bytes, ByteBuffer floats) {

        /** Returns the number of images. */
        int count() {
            return picked.length;
        }
    }

    /**
     * Starts the workers.
     *
     * @param images the training images
     * @param augmenter changes each batch's images
     * @param batchSize images per batch
     * @param workers threads preparing batches, at least 1
     * @param scale whether to scale batches to channels-last floats too
     */
    BatchStream(ImageStore images, Augmenter augmenter, int batchSize, int workers, boolean scale) {
        this.images = images;
        this.augmenter = augmenter;
        this.batchSize = batchSize;
        this.workers = Math.max(1, workers);
        this.scale = scale;
        this.pool = Executors.newFixedThreadPool(this.workers, DataThreads.named("cnn-data"));
    }

    /** Returns the most batches prepared or waiting at once: two per worker. */
    int depth() {
        return 2 * workers;
    }

    /**
     * Begins an epoch, its first batches preparing at once.
     *
     * @param order the epoch's permutation of the store's images
     * @param epoch the epoch, from 1, which seeds the augmentation
     * @param batches the batches to hand out
     */
    void startEpoch(long[] order, int epoch, int batches) {
        cancelAhead();
        this.order = order;
        this.epoch = epoch;
        this.batches = batches;
        this.submitted = 0;
        this.waitedNanos = 0;
        while (submitted < batches && ahead.size() < depth()) {
            submitNext();
        }
    }

    /**
     * Returns the epoch's next batch, waiting for it if it is not ready.
     *
     * @return the batch
     * @throws TrainingException if an image cannot be read
     */
    Batch next() throws TrainingException {
        Future<Batch> head = ahead.poll();
        if (head == null) {
            throw new IllegalStateException("the epoch's " + batches + " batches are all handed out");
        }
        if (submitted < batches) {
            submitNext();
        }
        long begin = System.nanoTime();
        try {
            return head.get();
        } catch (ExecutionException e) {
            cancelAhead();
            if (e.getCause() instanceof DatasetException bad) {
                throw new TrainingException(bad.getMessage());
            }
            throw new IllegalStateException("preparing a batch failed", e.getCause());
        } catch (InterruptedException e) {
            cancelAhead();
            Thread.currentThread().interrupt();
            throw new TrainingException("interrupted while waiting for a batch of images");
        } finally {
            waitedNanos += System.nanoTime() - begin;
        }
    }

    /**
     * Gives a batch's buffer back for reuse, once its tensor is made: a later batch overwrites it, so the batch is not
     * read after this.
     */
    void recycle(Batch batch) {
        freeBuffers.add(batch.floats() != null ? batch.floats() : batch.bytes());
    }

    /** Returns how long {@link #next} waited for batches this epoch, in nanoseconds. */
    long waitedNanos() {
        return waitedNanos;
    }

    /** Returns the number of worker threads. */
    int workers() {
        return workers;
    }

    private void submitNext() {
        int batch = submitted++;
        long[] currentOrder = order;
        int currentEpoch = epoch;
        ahead.add(pool.submit(() -> prepare(currentOrder, currentEpoch, batch)));
    }

    private Batch prepare(long[] epochOrder, int epochNumber, int batch) throws DatasetException {
        long[] picked = Arrays.copyOfRange(epochOrder, batch * batchSize, (batch + 1) * batchSize);
        int[] indices = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            indices[i] = (int) picked[i];
        }
        ImageSet augmented = images.gather(indices, pixels(indices.length));
        augmenter.augment(augmented, epochNumber, batch);
        ByteBuffer values = scale
                ? ImageTensors.channelsLastFloats(augmented, 0, augmented.count(), freeBuffers.poll())
                : ImageTensors.directBytes(augmented, 0, augmented.count(), freeBuffers.poll());
        freePixels.add(augmented.pixels());
        return scale ? new Batch(picked, null, values) : new Batch(picked, values, null);
    }

    /** Returns a free array for a batch of {@code count} images, or a new one. */
    private byte[] pixels(int count) {
        int length = Math.multiplyExact(count, images.imageSize());
        byte[] free = freePixels.poll();
        return free != null && free.length == length ? free : new byte[length];
    }

    private void cancelAhead() {
        for (Future<Batch> future : ahead) {
            future.cancel(true);
        }
        ahead.clear();
    }

    @Override
    public void close() {
        cancelAhead();
        pool.shutdownNow();
    }
}

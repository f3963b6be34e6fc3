package dev.cnnbuild.core.data;

import java.util.Optional;

/**
 * Labelled images read one at a time by index, wherever their bytes are: in the heap ({@link HeapImageStore}, for IDX
 * data, small sets and tests) or in a file of decoded images ({@link FileImageStore}, the {@link DecodedCache}). Byte
 * positions are {@code long}, so a store holds as many images as its disk does; only a batch is in memory at a time.
 * Reading is thread-safe, so worker threads can gather batches ahead of the network.
 *
 * <pre>{@code
 * try (ImageStore train = DecodedCache.open(cacheFile, decoding, log::info).store()) {   // an ImageDecoding
 *     byte[] image = new byte[train.imageSize()];
 *     train.read(17, image, 0);             // image 17, channel plane by plane
 *     ImageSet batch = train.gather(new int[] {4, 17, 2});
 *     int label = train.label(17);
 * }
 * }</pre>
 */
public interface ImageStore extends AutoCloseable {

    /** Returns the number of images. */
    int count();

    /** Returns the values per pixel: 1 (grey) or 3 (red, green, blue). */
    int channels();

    /** Returns the rows per image. */
    int height();

    /** Returns the columns per image. */
    int width();

    /** Returns the bytes of one image: {@code channels * height * width}. */
    default int imageSize() {
        return channels() * height() * width();
    }

    /** Returns image {@code index}'s class. */
    int label(int index);

    /** Returns the name of image {@code index}'s file, or empty where the images come from no files (IDX). */
    Optional<String> fileName(int index);

    /**
     * Copies image {@code index}'s {@link #imageSize()} bytes into {@code target} from {@code offset}; safe to call
     * from several threads at once.
     *
     * @param index the image
     * @param target where its bytes go
     * @param offset the position of its first byte in {@code target}
     * @throws DatasetException if the bytes cannot be read, naming the file that holds them
     */
    void read(int index, byte[] target, int offset) throws DatasetException;

    /**
     * Returns the images at the given positions, in that order, as one set of bytes: a batch, in an array of its own.
     *
     * @param indices the images
     * @return their bytes
     * @throws DatasetException if one cannot be read
     */
    default ImageSet gather(int[] indices) throws DatasetException {
        return gather(indices, new byte[Math.multiplyExact(indices.length, imageSize())]);
    }

    /**
     * Returns the images at the given positions, in that order, as one set of bytes written into {@code into}: a
     * batch in an array the caller reuses batch after batch, so that reading a set batch by batch allocates no array
     * per batch (a batch of 64 images of 224x224 is 9.6 MB).
     *
     * <pre>{@code
     * byte[] reused = new byte[64 * store.imageSize()];
     * ImageSet batch = store.gather(indices, reused); // batch.pixels() == reused
     * }</pre>
     *
     * @param indices the images
     * @param into where their bytes go, exactly {@code indices.length * imageSize()} of them; all overwritten
     * @return their bytes, the array {@code into}
     * @throws DatasetException if one cannot be read
     * @throws IllegalArgumentException if {@code into} does not have the batch's length
     */
    default ImageSet gather(int[] indices, byte[] into) throws DatasetException {
        int size = imageSize();
        if ((long) indices.length * size != into.length) {
            throw new IllegalArgumentException(
                    indices.length + " images of " + size + " bytes do not fill " + into.length + " bytes");
        }
        for (int i = 0; i < indices.length; i++) {
            read(indices[i], into, i * size);
        }
        return new ImageSet(indices.length, channels(), height(), width(), into);
    }

    /**
     * Returns some of the images, in the given order, reading from this store.
     *
     * @param indices their positions here
     * @return a view of them
     */
    default ImageStore subset(int[] indices) {
        return new SubsetImageStore(this, indices);
    }

    /** Returns every label, in order. */
    default int[] labels() {
        int[] labels = new int[count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(i);
        }
        return labels;
    }

    /** Releases the file the images are read from, if any. */
    @Override
    default void close() {}
}

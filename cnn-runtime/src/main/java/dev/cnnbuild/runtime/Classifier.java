package dev.cnnbuild.runtime;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A trained model that classifies images, whichever engine runs its network: {@link CnnClassifier} runs
 * {@code parameters.params} through PyTorch, {@code OnnxClassifier} (module {@code cnn-runtime-onnx}) runs
 * {@code model.onnx} through ONNX Runtime. Both read images with the training's preprocessing ({@link ImageInput})
 * and answer alike, so an application codes against this type and picks the engine by the dependency it ships.
 *
 * <pre>{@code
 * try (Classifier classifier = CnnClassifier.fromClasspath("cnn/mnist-cnn")) {   // or OnnxClassifier.fromClasspath
 *     Classification c = classifier.classify(Path.of("digit.png"));    // BufferedImage, InputStream, byte[] too
 *     List<Classification> all = classifier.classifyAll(List.of(Path.of("a.png"), Path.of("b.png")));
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One classifier is safe to share between threads, such as a web server's request threads.
 * Images are decoded in the calling thread; forward passes of different threads run at the same time on the one
 * network. {@link #close()} waits for the calls under way; a call after it fails with an
 * {@link IllegalStateException}.
 *
 * <p>An engine implements {@link #probabilities} and {@link #release}; everything else is here.
 */
public abstract class Classifier implements AutoCloseable {
    /** Images per forward pass in {@link #classifyAll} and {@link #classifyAllImages}. */
    public static final int BATCH_SIZE = 32;

    /** The most pixels an image may have; a larger one (or a file claiming one) is refused before it is decoded. */
    public static final long MAX_PIXELS = 100_000_000;

    private final ImageInput input;
    private final List<String> labels;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Sets up the reading of images and the class names.
     *
     * @param input how the model's images are read
     * @param labels the class names, in class order
     */
    protected Classifier(ImageInput input, List<String> labels) {
        this.input = input;
        this.labels = List.copyOf(labels);
    }

    /**
     * Classifies an image file (PNG, JPEG, BMP, GIF or WebP), turned upright by its EXIF orientation as training
     * turned its images.
     *
     * @param file the image file
     * @return the classes' probabilities
     * @throws CnnClassifierException if the file is missing or not an image, or has another size than the model's
     *     input and the model was trained with {@code resize: none}
     */
    public final Classification classify(Path file) {
        return classifyAll(List.of(file)).get(0);
    }

    /**
     * Classifies an image already in memory, as it stands: a {@code BufferedImage} carries no EXIF orientation.
     *
     * @param image the image, grey or colour, of any type {@code javax.imageio} reads into
     * @return the classes' probabilities
     * @throws CnnClassifierException if it has another size than the model's input and the model was trained with
     *     {@code resize: none}
     */
    public final Classification classify(BufferedImage image) {
        return classifyAllImages(List.of(image)).get(0);
    }

    /**
     * Classifies the image an input stream holds (PNG, JPEG, BMP, GIF or WebP, EXIF orientation applied), such as an
     * upload; the stream is read to its end, not closed.
     *
     * @param in the image's bytes
     * @return the classes' probabilities
     * @throws CnnClassifierException if the bytes are not an image, or it has the wrong size (see above)
     */
    public final Classification classify(InputStream in) {
        return predict(List.of(input.decode(in, "the image stream"))).get(0);
    }

    /**
     * Classifies an image file's bytes (PNG, JPEG, BMP, GIF or WebP, EXIF orientation applied).
     *
     * @param encoded the file's bytes
     * @return the classes' probabilities
     * @throws CnnClassifierException if the bytes are not an image, or it has the wrong size (see above)
     */
    public final Classification classify(byte[] encoded) {
        return predict(List.of(input.decode(encoded))).get(0);
    }

    /**
     * Classifies image files, {@value #BATCH_SIZE} per forward pass.
     *
     * @param files the image files
     * @return one classification per file, in order
     * @throws CnnClassifierException naming the first file that is missing, not an image or of the wrong size
     */
    public final List<Classification> classifyAll(List<Path> files) {
        List<Classification> all = new ArrayList<>(files.size());
        for (int start = 0; start < files.size(); start += BATCH_SIZE) {
            List<byte[]> batch = new ArrayList<>();
            for (Path file : files.subList(start, Math.min(start + BATCH_SIZE, files.size()))) {
                batch.add(input.decode(file));
            }
            all.addAll(predict(batch));
        }
        return all;
    }

    /**
     * Classifies images already in memory, {@value #BATCH_SIZE} per forward pass.
     *
     * @param images the images
     * @return one classification per image, in order
     * @throws CnnClassifierException naming the first image of the wrong size, by its position
     */
    public final List<Classification> classifyAllImages(List<BufferedImage> images) {
        List<Classification> all = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += BATCH_SIZE) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = start; i < Math.min(start + BATCH_SIZE, images.size()); i++) {
                batch.add(input.decode(images.get(i), images.size() == 1 ? "the image" : "image " + i));
            }
            all.addAll(predict(batch));
        }
        return all;
    }

    /** Returns the model's class names, in class order. */
    public final List<String> labels() {
        return labels;
    }

    /**
     * Frees the model's memory, once the calls under way have returned; later calls fail. Closing twice does
     * nothing.
     */
    @Override
    public final void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                release();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + input.model() + ": "
                + input.shape().channels() + "x" + input.shape().height() + "x"
                + input.shape().width() + ", " + labels.size() + " classes]";
    }

    /**
     * Runs the network on images already read, in one forward pass; called by several threads at once, never after
     * {@link #release}.
     *
     * @param images at most {@value #BATCH_SIZE} images, each {@code channels x height x width} bytes, channel plane
     *     by plane, of the model's input size
     * @return each image's class probabilities (the softmax of the network's outputs), in order
     */
    protected abstract List<float[]> probabilities(List<byte[]> images);

    /** Frees what the engine holds; called once, when no call is under way. */
    protected abstract void release();

    private List<Classification> predict(List<byte[]> images) {
        List<float[]> probabilities;
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(this + " is closed");
            }
            probabilities = probabilities(images);
        } finally {
            lock.readLock().unlock();
        }
        List<Classification> classifications = new ArrayList<>(probabilities.size());
        for (float[] row : probabilities) {
            List<ClassProbability> classes = new ArrayList<>(row.length);
            for (int c = 0; c < row.length; c++) {
                classes.add(new ClassProbability(labels.get(c), c, row[c]));
            }
            classifications.add(new Classification(classes));
        }
        return classifications;
    }
}

package dev.cnnbuild.runtime;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageDecoder;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.spec.SpecException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A trained model, ready to classify images in an application: loaded from the model directory {@code cnn:train}
 * wrote, or from the class path where the plugin's {@code addToClasspath} put it, after its manifest is verified.
 * Images are turned into the network's input by the code that training and {@code cnn:check} use, as the model
 * directory says: grey or colour, resized (or refused) as its {@code resize} says, pixels scaled to [0, 1] and
 * normalised with its {@code normalization.json}, channels in the layout its network takes; classes keep the names
 * training gave them.
 *
 * <pre>{@code
 * try (CnnClassifier classifier = CnnClassifier.fromClasspath("cnn/mnist-cnn")) {   // or CnnClassifier.load(path)
 *     Classification c = classifier.classify(Path.of("digit.png"));    // BufferedImage, InputStream, byte[] too
 *     c.label();          // "7"
 *     c.probability();    // 0.9981
 *     c.top(3);           // the three likeliest classes with their probabilities
 *     List<Classification> all = classifier.classifyAll(List.of(Path.of("a.png"), Path.of("b.png")));
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> One classifier is safe to share between threads, such as a web server's request threads, and
 * meant to be: load it once. Images are decoded in the calling thread; forward passes of different threads run at
 * the same time on the one network, whose parameters are only read. Each PyTorch operation itself uses PyTorch's
 * intra-op threads (one per processor unless {@code ai.djl.pytorch.num_threads} says otherwise), so callers beyond
 * the processor count gain no throughput. {@link #close()} waits for the calls under way; a call after it fails.
 *
 * <p><b>Memory.</b> The parameters stay in native memory until {@link #close()} (about 4 bytes a parameter). Each
 * call holds its images' input tensors ({@code 4 x channels x height x width} bytes an image, {@value #BATCH_SIZE}
 * images at most at a time for {@link #classifyAll}) and the network's activations for them, freed when it returns.
 * An image's size is read from its header first: one over {@link #MAX_PIXELS} is refused before it is decoded.
 */
public final class CnnClassifier implements AutoCloseable {
    /** Images per forward pass in {@link #classifyAll}. */
    public static final int BATCH_SIZE = 32;

    /** The most pixels an image may have; a larger one (or a file claiming one) is refused before it is decoded. */
    public static final long MAX_PIXELS = 100_000_000;

    private final String name;
    private final LoadedModel model;
    private final ImageClassifier network;
    private final InputShape input;
    private final ResizeMode resize;
    private final ClassNames classes;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private CnnClassifier(String name, LoadedModel model) {
        this.name = name;
        this.model = model;
        this.network = model.classifier();
        this.input = model.spec().input();
        this.resize = model.spec().data().options().resize();
        this.classes =
                ClassNames.orNumbered(model.metrics().classNames(), model.spec().classes());
    }

    /**
     * Loads a model directory written by {@code cnn:train}, such as {@code target/cnn/mnist-cnn}, on the device
     * {@code cnn:check} would choose: the CPU, or a GPU for a model trained on one when this machine has one.
     *
     * @param directory the model directory
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException if the directory is missing, incomplete or fails its manifest (the message is
     *     the one {@code cnn:check} gives), or the engine cannot start
     */
    public static CnnClassifier load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CnnClassifierException("model directory " + directory + " does not exist; train the model with"
                    + " 'mvn cnn:train' (it writes target/cnn/<name>/) and give that directory");
        }
        return load(ModelDirectory.of(directory), directory.toString(), Function.identity());
    }

    /**
     * Loads a model directory from the class path of the thread's context class loader (or this class's), where the
     * plugin's {@code addToClasspath} puts it: {@code cnn/<name>/} in the module's jar.
     *
     * @param resource the folder on the class path, such as {@code cnn/mnist-cnn}
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException if no model is there, or it is incomplete or fails its manifest, or the engine
     *     cannot start
     */
    public static CnnClassifier fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClasspath(resource, loader != null ? loader : CnnClassifier.class.getClassLoader());
    }

    /**
     * Loads a model directory from a class loader's class path.
     *
     * @param resource the folder on the class path, such as {@code cnn/mnist-cnn}
     * @param loader the class loader to look in
     * @return the classifier; close it to free the model's memory
     * @throws CnnClassifierException if no model is there, or it is incomplete or fails its manifest, or the engine
     *     cannot start
     */
    public static CnnClassifier fromClasspath(String resource, ClassLoader loader) {
        try (ClasspathModel copy = ClasspathModel.copy(resource, loader)) {
            return load(copy.directory(), resource, copy::named);
        }
    }

    private static CnnClassifier load(ModelDirectory directory, String name, Function<String, String> named) {
        try {
            return new CnnClassifier(name, LoadedModel.load(directory, Path.of(""), "auto"));
        } catch (IOException | SpecException e) {
            throw new CnnClassifierException(named.apply(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new CnnClassifierException(named.apply(name + ": " + e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new CnnClassifierException(
                    name + ": the PyTorch engine cannot run the model (" + e.getMessage() + "); the application needs"
                            + " PyTorch's natives on its class path, such as"
                            + " ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64, which cnn-runtime brings for"
                            + " the platform it is built on (docs/runtime.md)",
                    e);
        }
    }

    /**
     * Classifies an image file (PNG, JPEG, BMP or GIF).
     *
     * @param file the image file
     * @return the classes' probabilities
     * @throws CnnClassifierException if the file is missing or not an image, or has another size than the model's
     *     input and the model was trained with {@code resize: none}
     */
    public Classification classify(Path file) {
        return classifyAll(List.of(file)).get(0);
    }

    /**
     * Classifies an image already in memory.
     *
     * @param image the image, grey or colour, of any type {@code javax.imageio} reads into
     * @return the classes' probabilities
     * @throws CnnClassifierException if it has another size than the model's input and the model was trained with
     *     {@code resize: none}
     */
    public Classification classify(BufferedImage image) {
        return classifyAllImages(List.of(image)).get(0);
    }

    /**
     * Classifies the image an input stream holds (PNG, JPEG, BMP or GIF), such as an upload; the stream is read to
     * its end, not closed.
     *
     * @param in the image's bytes
     * @return the classes' probabilities
     * @throws CnnClassifierException if the bytes are not an image, or it has the wrong size (see above)
     */
    public Classification classify(InputStream in) {
        return predict(List.of(pixels(read(in, "the image stream"), "the image stream")))
                .get(0);
    }

    /**
     * Classifies an image file's bytes (PNG, JPEG, BMP or GIF).
     *
     * @param encoded the file's bytes
     * @return the classes' probabilities
     * @throws CnnClassifierException if the bytes are not an image, or it has the wrong size (see above)
     */
    public Classification classify(byte[] encoded) {
        String source = "the image of " + encoded.length + " bytes";
        return predict(List.of(pixels(read(new ByteArrayInputStream(encoded), source), source)))
                .get(0);
    }

    /**
     * Classifies image files, {@value #BATCH_SIZE} per forward pass.
     *
     * @param files the image files
     * @return one classification per file, in order
     * @throws CnnClassifierException naming the first file that is missing, not an image or of the wrong size
     */
    public List<Classification> classifyAll(List<Path> files) {
        List<Classification> all = new ArrayList<>(files.size());
        for (int start = 0; start < files.size(); start += BATCH_SIZE) {
            List<byte[]> batch = new ArrayList<>();
            for (Path file : files.subList(start, Math.min(start + BATCH_SIZE, files.size()))) {
                batch.add(pixels(read(file), file.toString()));
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
    public List<Classification> classifyAllImages(List<BufferedImage> images) {
        List<Classification> all = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += BATCH_SIZE) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = start; i < Math.min(start + BATCH_SIZE, images.size()); i++) {
                batch.add(pixels(images.get(i), images.size() == 1 ? "the image" : "image " + i));
            }
            all.addAll(predict(batch));
        }
        return all;
    }

    /** Returns the model's class names, in class order. */
    public List<String> labels() {
        return classes.names();
    }

    /**
     * Frees the model's memory, once the calls under way have returned; later calls fail. Closing twice does
     * nothing.
     */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "CnnClassifier[" + name + ": " + input.channels() + "x" + input.height() + "x" + input.width() + ", "
                + classes.size() + " classes]";
    }

    private List<Classification> predict(List<byte[]> images) {
        int size = input.channels() * input.height() * input.width();
        byte[] pixels = new byte[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * size, size);
        }
        ImageSet set = new ImageSet(images.size(), input.channels(), input.height(), input.width(), pixels);
        List<Prediction> predictions;
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(this + " is closed");
            }
            predictions = network.predictAll(set, BATCH_SIZE);
        } finally {
            lock.readLock().unlock();
        }
        return predictions.stream().map(this::classification).toList();
    }

    private Classification classification(Prediction prediction) {
        List<ClassProbability> probabilities = new ArrayList<>(classes.size());
        for (int c = 0; c < prediction.probabilities().length; c++) {
            probabilities.add(
                    new ClassProbability(classes.name(c), c, prediction.probabilities()[c]));
        }
        return new Classification(probabilities);
    }

    private byte[] pixels(BufferedImage image, String source) {
        checkSize(source, image.getHeight(), image.getWidth());
        try {
            return ImageDecoder.decode(image, source, input, resize);
        } catch (DatasetException e) {
            throw new CnnClassifierException(e.getMessage(), e);
        }
    }

    /** Refuses an image of the wrong size for {@code resize: none}, or too large to decode, before its pixels. */
    private void checkSize(String source, int height, int width) {
        if (resize == ResizeMode.NONE && (height != input.height() || width != input.width())) {
            throw new CnnClassifierException(String.format(
                    "%s: image is %dx%d (height x width) but model %s takes %dx%d images and was trained with"
                            + " 'resize: none'; give it %dx%d images, or retrain it with 'resize: stretch' or"
                            + " 'resize: crop' in its model file's 'data' section",
                    source, height, width, name, input.height(), input.width(), input.height(), input.width()));
        }
        if ((long) height * width > MAX_PIXELS) {
            throw new CnnClassifierException(String.format(
                    Locale.ROOT,
                    "%s: image is %dx%d (height x width), over the %,d pixels an image may have; scale it down"
                            + " before classifying it",
                    source,
                    height,
                    width,
                    MAX_PIXELS));
        }
    }

    private BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CnnClassifierException(
                    file + ": no such image file" + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new CnnClassifierException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads an image as {@link ImageIO#read(InputStream)} does, but checks its size from its header first: an image
     * of the wrong size, or a small file that claims a huge image, is refused before its pixels are decoded.
     */
    private BufferedImage read(InputStream in, String source) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new CnnClassifierException(source + ": is not a PNG, JPEG, BMP or GIF image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                checkSize(source, reader.getHeight(0), reader.getWidth(0));
                return reader.read(0, reader.getDefaultReadParam());
            } finally {
                reader.dispose();
            }
        } catch (CnnClassifierException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CnnClassifierException(
                    source + ": cannot be decoded as an image (" + e.getMessage()
                            + "); it is damaged or not a PNG, JPEG, BMP or GIF",
                    e);
        }
    }
}

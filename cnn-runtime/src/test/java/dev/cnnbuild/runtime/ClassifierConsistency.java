package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Holds a classifier to its own answers, whatever engine runs it: one image given as a file, an image, a stream, bytes
 * or in a batch, and a classifier shared by threads, as a web server's request threads share it, against the answers
 * it gives alone. The PyTorch runtime's tests and the ONNX runtime's use it (this module's test-jar).
 *
 * <pre>{@code
 * try (CnnClassifier classifier = CnnClassifier.load(model)) {
 *     Classification one = ClassifierConsistency.assertEveryInputOfOneImageClassifiedAlike(classifier, png, 1e-5);
 *     ClassifierConsistency.assertThreadsGetTheSingleThreadedResults(classifier, pngs);
 * }
 * }</pre>
 */
public final class ClassifierConsistency {
    private static final int THREADS = 8;

    private ClassifierConsistency() {}

    /**
     * Classifies one image file as a file, as a decoded image, as a stream and as bytes, which must give the same
     * classification, and twice in a batch of two, which must give its class and its probability within a tolerance
     * (a batch of two may round the last bits otherwise than a batch of one).
     *
     * @param classifier the classifier
     * @param file an image file it classifies
     * @param batchTolerance how far the batch's probability may lie from the single image's
     * @return the file's classification
     * @throws Exception if the file cannot be read
     */
    public static Classification assertEveryInputOfOneImageClassifiedAlike(
            Classifier classifier, Path file, double batchTolerance) throws Exception {
        Classification fromFile = classifier.classify(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(classifier.classify(image)).isEqualTo(fromFile);
        assertThat(classifier.classify(Files.readAllBytes(file))).isEqualTo(fromFile);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(classifier.classify(in)).isEqualTo(fromFile);
        }
        for (Classification inABatch : classifier.classifyAllImages(List.of(image, image))) {
            assertThat(inABatch.index()).isEqualTo(fromFile.index());
            assertThat(inABatch.probability()).isCloseTo(fromFile.probability(), offset(batchTolerance));
        }
        return fromFile;
    }

    /**
     * Classifies the files one by one and as one batch on this thread, then on 8 threads at once, each classifying
     * them one by one (each starting elsewhere in the list, so that different images run at once) and as a batch,
     * and asserts that every thread got this thread's results.
     *
     * @param classifier the classifier the threads share
     * @param files image files it classifies
     * @throws Exception if a thread fails or takes over 2 minutes
     */
    public static void assertThreadsGetTheSingleThreadedResults(Classifier classifier, List<Path> files)
            throws Exception {
        List<Classification> alone = new ArrayList<>();
        for (Path file : files) {
            alone.add(classifier.classify(file));
        }
        List<Classification> batchedAlone = classifier.classifyAll(files);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Classification>>> singles = new ArrayList<>();
            List<Future<List<Classification>>> batches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * files.size() / THREADS;
                singles.add(pool.submit(() -> {
                    start.await();
                    List<Classification> mine = new ArrayList<>();
                    for (int i = 0; i < files.size(); i++) {
                        mine.add(classifier.classify(files.get((i + offset) % files.size())));
                    }
                    return rotate(mine, files.size() - offset);
                }));
                batches.add(pool.submit(() -> {
                    start.await();
                    return classifier.classifyAll(files);
                }));
            }
            start.countDown();
            for (Future<List<Classification>> single : singles) {
                assertThat(single.get(2, TimeUnit.MINUTES)).isEqualTo(alone);
            }
            for (Future<List<Classification>> batch : batches) {
                assertThat(batch.get(2, TimeUnit.MINUTES)).isEqualTo(batchedAlone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        List<T> rotated = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            rotated.add(list.get((i + by) % list.size()));
        }
        return rotated;
    }
}

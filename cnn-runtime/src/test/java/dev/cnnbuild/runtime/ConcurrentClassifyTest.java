package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.model.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One classifier shared by threads, as a web server's request threads share it, answers as it does alone. */
class ConcurrentClassifyTest {
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    @Test
    void threadsClassifyingAtOnceGetTheSingleThreadedResults() throws Exception {
        ModelDirectory model = TrainedModels.mnist(dir.resolve("mnist"), 100);
        List<Path> pngs = TrainedModels.writePngs(
                IdxReader.readImages(TrainedModels.MNIST.resolve("t10k-images-idx3-ubyte.gz"))
                        .first(64),
                dir.resolve("png"));
        try (CnnClassifier classifier = CnnClassifier.load(model.root())) {
            List<Classification> alone = new ArrayList<>();
            for (Path png : pngs) {
                alone.add(classifier.classify(png));
            }
            List<Classification> batchedAlone = classifier.classifyAll(pngs);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Classification>>> singles = new ArrayList<>();
                List<Future<List<Classification>>> batches = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t * 8;
                    singles.add(pool.submit(() -> {
                        start.await();
                        List<Classification> mine = new ArrayList<>();
                        for (int i = 0; i < pngs.size(); i++) {
                            // each thread starts elsewhere in the list, so different images run at once
                            mine.add(classifier.classify(pngs.get((i + offset) % pngs.size())));
                        }
                        return rotate(mine, pngs.size() - offset);
                    }));
                    batches.add(pool.submit(() -> {
                        start.await();
                        return classifier.classifyAll(pngs);
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
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        List<T> rotated = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            rotated.add(list.get((i + by) % list.size()));
        }
        return rotated;
    }
}

package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.TinyImages;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training collects the whole heap once its data are ready, so that the JVM gives back the memory that listing,
 * hashing and decoding a large folder made it take.
 */
class HeapReleaseTrainingTest {

    @Test
    void aTrainingCollectsTheWholeHeapBeforeItsFirstEpoch(@TempDir Path dir) throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 8, 10, 10, 3);
        Path yaml =
                TinyImages.writeFolderModel(dir, "colours", "  dir: images\n  testSplit: 0.25\n  resize: stretch\n", 3);
        long before = wholeHeapCollections();

        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(yaml, dir.resolve("out")));

        assertThat(wholeHeapCollections()).isGreaterThan(before);
    }

    /** Returns the collections of the whole heap so far: G1's full collections, or the serial collector's. */
    private static long wholeHeapCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().contains("Old") || gc.getName().contains("MarkSweep"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}

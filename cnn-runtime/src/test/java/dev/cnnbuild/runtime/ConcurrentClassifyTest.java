package dev.cnnbuild.runtime;

import dev.cnnbuild.core.model.ModelDirectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One classifier shared by threads, as a web server's request threads share it, answers as it does alone. */
class ConcurrentClassifyTest {
    @TempDir
    Path dir;

    @Test
    void threadsClassifyingAtOnceGetTheSingleThreadedResults() throws Exception {
        ModelDirectory model = TrainedModels.mnist(dir.resolve("mnist"), 100);
        List<Path> pngs = TrainedModels.mnistTestPngs(64, dir.resolve("png"));
        try (CnnClassifier classifier = CnnClassifier.load(model.root())) {
            ClassifierConsistency.assertThreadsGetTheSingleThreadedResults(classifier, pngs);
        }
    }
}

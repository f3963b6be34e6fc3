package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.testing.ExportedTraining;
import dev.cnnbuild.core.testing.PythonTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory written by the exported package's {@code train.py --output DIR}, classified by
 * {@link CnnClassifier} as one trained by {@code cnn:train}: its held-out image files are predicted right as often
 * as PyTorch measured. Needs {@code /usr/bin/python3} with torch; skipped without it.
 */
class PytorchTrainedModelTest {
    @TempDir
    Path dir;

    @Test
    void theClassifierTakesADirectoryTrainedByTrainPyAndPredictsItsTestSetAsPyTorchDid() throws Exception {
        PythonTorch.assumeAvailable();
        Path model = ExportedTraining.trainTinyFolderModel(dir, 4);
        ModelMetrics stored = ModelMetrics.read(model.resolve("metrics.json"));
        List<String> heldOut = Files.readAllLines(model.resolve("test-split.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();

        try (CnnClassifier classifier = CnnClassifier.load(model)) {
            List<Classification> results = classifier.classifyAll(heldOut.stream()
                    .map(key -> dir.resolve("images").resolve(key))
                    .toList());

            assertThat(classifier.labels()).containsExactly("blue", "red");
            long correct = 0;
            for (int i = 0; i < heldOut.size(); i++) {
                Classification result = results.get(i);
                assertThat(result.probabilities().stream()
                                .mapToDouble(ClassProbability::probability)
                                .sum())
                        .isCloseTo(1.0, within(1e-5));
                correct += result.label().equals(heldOut.get(i).split("/")[0]) ? 1 : 0;
            }
            assertThat(heldOut).hasSize((int) stored.test().count()).hasSize(10);
            assertThat(correct).isEqualTo(stored.test().correct());
        }
    }
}

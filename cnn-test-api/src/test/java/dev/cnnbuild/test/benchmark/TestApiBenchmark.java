package dev.cnnbuild.test.benchmark;

import static dev.cnnbuild.test.CnnAssertions.assertThat;

import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.spec.DatasetFiles;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.TestSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the test API on a trained model directory, such as the sample's {@code target/cnn/mnist-cnn}: loading,
 * reading the test set, one evaluation pass, and twenty assertions on its own test set (which should cost one pass).
 * Not a test: run it by hand, as {@code docs/benchmarks.md} shows.
 *
 * <pre>{@code
 * java -cp "$CLASSPATH" dev.cnnbuild.test.benchmark.TestApiBenchmark target/cnn/mnist-cnn
 * }</pre>
 */
public final class TestApiBenchmark {
    private static final int PASSES = 5;

    private TestApiBenchmark() {}

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param args the model directory
     * @throws Exception if the model or its test set cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        long start = System.nanoTime();
        try (CnnModel model = CnnModel.load(directory)) {
            print("load the model directory", start);

            start = System.nanoTime();
            TestSet own = model.testSet().orElseThrow();
            LabeledImages images =
                    DatasetLoader.load(testFiles(ModelDirectory.of(directory)), model.input(), model.classes());
            print("read the " + images.size() + " test images (gzipped IDX)", start);

            double[] seconds = new double[PASSES];
            Evaluation evaluation = null;
            for (int i = 0; i < PASSES; i++) {
                TestSet fresh = TestSet.of("pass " + i, images);
                long passStart = System.nanoTime();
                evaluation = model.evaluate(fresh);
                seconds[i] = (System.nanoTime() - passStart) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.printf(
                    Locale.ROOT,
                    "evaluate %d images through the API: median %.3f s, fastest %.3f s,"
                            + " slowest %.3f s over %d passes (accuracy %.4f)%n",
                    images.size(),
                    seconds[PASSES / 2],
                    seconds[0],
                    seconds[PASSES - 1],
                    PASSES,
                    evaluation.accuracy());

            start = System.nanoTime();
            twentyAssertions(model);
            print("twenty assertions, first use of its own test set (read + one pass + checks)", start);
            start = System.nanoTime();
            twentyAssertions(model);
            print("the same twenty assertions again (cached evaluation)", start);
            System.out.println("evaluations are cached: " + (model.evaluate(own) == model.evaluate(own)));
        }
    }

    private static DatasetFiles testFiles(ModelDirectory directory) throws Exception {
        Path source = Path.of(ModelMetrics.read(directory.metrics()).source());
        return ModelSpecReader.parse(source, Files.readString(directory.spec()))
                .data()
                .test();
    }

    private static void twentyAssertions(CnnModel model) {
        assertThat(model)
                .hasTestAccuracyAbove(0.5)
                .hasTestAccuracyAtLeast(0.5)
                .everyClassHasAccuracyAbove(0.5)
                .hasClassAccuracyAbove(0, 0.5)
                .hasClassAccuracyAbove(9, 0.5)
                .hasPrecisionAbove(4, 0.5)
                .hasPrecisionAbove(9, 0.5)
                .hasRecallAbove(4, 0.5)
                .hasRecallAbove(9, 0.5)
                .hasF1Above(4, 0.5)
                .hasF1Above(9, 0.5)
                .hasMacroPrecisionAbove(0.5)
                .hasMacroRecallAbove(0.5)
                .hasMacroF1Above(0.5)
                .hasTestLossBelow(2)
                .confusesAtMost(4, 9, 0.5)
                .confusesAtMost(7, 2, 0.5)
                .confusesAtMost(3, 5, 0.5)
                .confusesAtMost(9, 4, 0.5)
                .confusesAtMost(8, 3, 0.5);
    }

    private static void print(String what, long start) {
        System.out.printf(Locale.ROOT, "%s: %.3f s%n", what, (System.nanoTime() - start) / 1e9);
    }
}

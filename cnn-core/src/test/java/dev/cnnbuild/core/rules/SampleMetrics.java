package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.metrics.ClassMetrics;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.metrics.ToolVersions;
import java.util.ArrayList;
import java.util.List;

/** Test figures with chosen values: 10 classes, each with accuracy 0.99 except class 8. */
final class SampleMetrics {

    private SampleMetrics() {}

    static TestMetrics test(double accuracy, double loss, double class8Accuracy) {
        List<ClassMetrics> perClass = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            double a = c == 8 ? class8Accuracy : 0.99;
            perClass.add(new ClassMetrics(c, 1000, a - 0.01, a, a - 0.005));
        }
        return new TestMetrics(
                accuracy, loss, Math.round(accuracy * 10_000), 10_000, 0.97, 0.96, 0.965, perClass, new long[10][10]);
    }

    static ModelMetrics model(TestMetrics test) {
        return new ModelMetrics(
                "mnist-cnn",
                "src/main/cnn/mnist.yaml",
                42,
                "cpu()",
                new ToolVersions("0.1.0-SNAPSHOT", "0.36.0", "2.7.1"),
                1234,
                List.of(new EpochMetrics(1, 0.3, 0.9, 0.1, 0.97, 12.5, 4800)),
                test,
                12.5,
                14.0);
    }
}

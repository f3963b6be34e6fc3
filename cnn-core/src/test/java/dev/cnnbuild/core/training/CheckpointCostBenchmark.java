package dev.cnnbuild.core.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.cnnbuild.core.files.Folders;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.optimizer.ResumableOptimizer;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures what one checkpoint of the MNIST tutorial network (123,222 parameters and Adam's two moments) costs to
 * save and to load, next to one training step of a 256-image batch, and prints one line for docs/benchmarks.md.
 * Not a test (it would time every {@code mvn test}): run it by hand, after {@code mvn test-compile}, with cnn-core's
 * test class path.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$CLASSPATH" \
 *     dev.cnnbuild.core.training.CheckpointCostBenchmark
 * }</pre>
 */
public final class CheckpointCostBenchmark {
    private static final int ROUNDS = 20;
    private static final int STEPS = 10;

    private CheckpointCostBenchmark() {}

    /**
     * Measures and prints the line.
     *
     * @param args none
     * @throws Exception if the checkpoint cannot be written or read
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("checkpoint-cost-");
        CheckedModel checked = CheckedModel.read(
                Path.of(CheckpointCostBenchmark.class
                        .getResource("/spec/mnist-cnn.yaml")
                        .toURI()),
                MemoryLimit.machine());
        ModelSpec spec = checked.spec();
        CheckpointStore store = CheckpointStore.beside(dir, spec.name());
        ResumableOptimizer optimizer = ResumableOptimizer.of(spec.training().optimizer(), 0);
        Shape batch = new Shape(256, 1, 28, 28);
        try (Model model = Model.newInstance(spec.name(), "PyTorch")) {
            Block network = NetworkBuilder.build(checked.shapes());
            model.setBlock(network);
            Engine.getEngine("PyTorch").setRandomSeed(42);
            double[] stepMillis = new double[STEPS];
            try (Trainer trainer = model.newTrainer(
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer))) {
                trainer.initialize(batch);
                for (int s = 0; s < STEPS; s++) {
                    long start = System.nanoTime();
                    step(trainer, optimizer, batch);
                    stepMillis[s] = (System.nanoTime() - start) / 1e6;
                }
            }
            double[] saveMillis = new double[ROUNDS];
            double[] loadMillis = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                Checkpoint checkpoint = new Checkpoint("f".repeat(64), round + 1, 10, STEPS, List.of());
                long start = System.nanoTime();
                store.save(checkpoint, network, optimizer, null);
                saveMillis[round] = (System.nanoTime() - start) / 1e6;
                try (Model fresh = Model.newInstance(spec.name(), "PyTorch")) {
                    Block empty = NetworkBuilder.build(checked.shapes());
                    start = System.nanoTime();
                    store.latest().orElseThrow().load(empty, fresh.getNDManager());
                    loadMillis[round] = (System.nanoTime() - start) / 1e6;
                }
            }
            long bytes = size(store.folder());

            if (bytes < 3L * checked.parameterCount() * 4) {
                throw new IllegalStateException("the checkpoint holds " + bytes + " bytes, less than the parameters"
                        + " and Adam's two moments");
            }
            System.out.println(String.format(
                    Locale.ROOT,
                    "checkpoint of %s (%,d parameters + Adam's moments):"
                            + " %,d bytes; save: median %.1f ms (min %.1f, max %.1f) over %d; load: median %.1f ms;"
                            + " one training step of 256 images: median %.0f ms, so an epoch of 234 steps takes about %.0f s",
                    spec.name(),
                    checked.parameterCount(),
                    bytes,
                    median(saveMillis),
                    min(saveMillis),
                    max(saveMillis),
                    ROUNDS,
                    median(loadMillis),
                    median(stepMillis),
                    median(stepMillis) * 234 / 1000));
        }
        Folders.deleteRecursively(dir);
    }

    private static void step(Trainer trainer, ResumableOptimizer optimizer, Shape batch) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = scope.randomUniform(0, 1, batch);
            NDArray y = scope.randomInteger(0, 10, new Shape(batch.get(0)), DataType.INT64);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
            }
            optimizer.stepAll(trainer.getModel().getBlock(), Set.of());
        }
    }

    private static long size(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}

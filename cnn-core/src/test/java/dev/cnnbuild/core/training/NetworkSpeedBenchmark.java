package dev.cnnbuild.core.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluator;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.optimizer.ResumableOptimizer;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Compares how fast two model files' networks train and evaluate, in one JVM, taking turns: a round of training
 * steps of one, then of the other, the order swapped every round, so that a host whose speed drifts (this project's
 * 2-core machines swing by half within a minute) slows both alike. It prints each network's images per second and
 * the median of the rounds' time ratios. Its own spread, the same file given twice, is about 10 % per run here,
 * against up to 1.6 times for whole-process runs. Both train on the same generated batch (a fifth of the pixels
 * inked, as in MNIST) with the trainer's optimizer, loss and input layout, then evaluate 10,000 generated images in
 * batches of 1,000, as the trainer's test pass does.
 *
 * <p>Not a test (it would time every {@code mvn test}): run it by hand with cnn-core's test class path and the
 * fork's environment, as {@code docs/benchmarks.md} shows. The two files need the same input shape; their data
 * files are not read.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$CLASSPATH" \
 *     dev.cnnbuild.core.training.NetworkSpeedBenchmark relu-then-pool.yaml pool-then-relu.yaml
 * }</pre>
 */
public final class NetworkSpeedBenchmark {
    private static final int TRAINING_ROUNDS = 13;
    private static final int STEPS_PER_ROUND = 10;
    private static final int EVALUATION_ROUNDS = 8;
    private static final int TEST_IMAGES = 10_000;
    private static final int EVALUATION_BATCH = 1000;

    private NetworkSpeedBenchmark() {}

    /**
     * Runs both comparisons and prints their lines.
     *
     * @param args the two model files, A then B
     * @throws Exception if a model file cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NetworkSpeedBenchmark <model A.yaml> <model B.yaml>");
        }
        CheckedModel checkedA = CheckedModel.read(Path.of(args[0]), MemoryLimit.machine());
        CheckedModel checkedB = CheckedModel.read(Path.of(args[1]), MemoryLimit.machine());
        ModelSpec a = checkedA.spec();
        ModelSpec b = checkedB.spec();
        if (!a.input().equals(b.input())) {
            throw new IllegalArgumentException(
                    "the two model files take different inputs: " + a.input() + " and " + b.input());
        }
        Engine.getEngine("PyTorch");
        System.out.printf(
                Locale.ROOT, "A: %s, B: %s, %d intra-op threads%n", args[0], args[1], JniUtils.getNumThreads());
        Random random = new Random(7);
        int batchSize = a.training().batchSize();
        try (Contender first = new Contender(checkedA, generated(a.input(), batchSize, a.classes(), random));
                Contender second = new Contender(checkedB, generated(b.input(), batchSize, b.classes(), random))) {
            long[] trainingNanos = new long[2];
            double[] ratios = alternate(first, second, TRAINING_ROUNDS, c -> c.train(STEPS_PER_ROUND), trainingNanos);
            long images = (long) (TRAINING_ROUNDS - 1) * STEPS_PER_ROUND * batchSize;
            print("training, batch " + batchSize, images, trainingNanos, ratios);

            LabeledImages test = generated(a.input(), TEST_IMAGES, a.classes(), random);
            long[] evaluationNanos = new long[2];
            double[] passRatios = alternate(first, second, EVALUATION_ROUNDS, c -> c.evaluate(test), evaluationNanos);
            print(
                    "evaluation of " + TEST_IMAGES + " images",
                    (long) TEST_IMAGES * (EVALUATION_ROUNDS - 1),
                    evaluationNanos,
                    passRatios);
        }
    }

    /**
     * Runs both contenders once per round, the one that starts swapped every round; the first round warms up and is
     * not counted. Adds each one's nanoseconds to {@code totals} and returns the rounds' ratios, second to first.
     */
    private static double[] alternate(
            Contender first, Contender second, int rounds, ToLongFunction<Contender> run, long[] totals) {
        double[] ratios = new double[rounds - 1];
        for (int round = 0; round < rounds; round++) {
            long firstNanos;
            long secondNanos;
            if (round % 2 == 0) {
                firstNanos = run.applyAsLong(first);
                secondNanos = run.applyAsLong(second);
            } else {
                secondNanos = run.applyAsLong(second);
                firstNanos = run.applyAsLong(first);
            }
            if (round > 0) {
                totals[0] += firstNanos;
                totals[1] += secondNanos;
                ratios[round - 1] = (double) secondNanos / firstNanos;
            }
        }
        return ratios;
    }

    private static void print(String what, long images, long[] nanos, double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%s: A %,.0f images/s, B %,.0f images/s; B's time / A's, median of %d"
                        + " rounds %.3f (%.3f to %.3f)%n",
                what,
                images / (nanos[0] / 1e9),
                images / (nanos[1] / 1e9),
                sorted.length,
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1]);
    }

    /** Returns generated images, a fifth of their pixels inked as in MNIST, with random labels. */
    static LabeledImages generated(InputShape input, int count, int classes, Random random) {
        byte[] pixels = new byte[count * input.channels() * input.height() * input.width()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (random.nextInt(5) == 0 ? random.nextInt(256) : 0);
        }
        int[] labels = random.ints(count, 0, classes).toArray();
        return new LabeledImages(new ImageSet(count, input.channels(), input.height(), input.width(), pixels), labels);
    }

    /** One network with its trainer and its batch. */
    private static final class Contender implements AutoCloseable {
        private final ModelSpec spec;
        private final Model model;
        private final Trainer trainer;
        private final ResumableOptimizer optimizer;
        private final NDArray images;
        private final NDArray labels;

        Contender(CheckedModel checked, LabeledImages batch) throws Exception {
            this.spec = checked.spec();
            model = Model.newInstance(spec.name(), "PyTorch");
            model.setBlock(NetworkBuilder.build(checked.shapes()));
            Engine.getEngine("PyTorch").setRandomSeed(42);
            optimizer = ResumableOptimizer.of(spec.training().optimizer(), 0);
            trainer =
                    model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
            InputShape input = spec.input();
            trainer.initialize(new Shape(batch.size(), input.channels(), input.height(), input.width()));
            NDManager manager = trainer.getManager();
            images = ImageTensors.input(model.getBlock(), manager, batch.images(), 0, batch.size());
            labels = ImageTensors.labels(manager, batch.labels());
        }

        /** Runs training steps as the trainer does, and returns the nanoseconds they took. */
        long train(int steps) {
            long start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    images.tempAttach(scope);
                    labels.tempAttach(scope);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(images)).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                        collector.backward(loss);
                        loss.getFloat();
                        logits.argMax(1).eq(labels).countNonzero().getLong();
                    }
                    optimizer.stepAll(model.getBlock(), Set.of());
                }
            }
            return System.nanoTime() - start;
        }

        /** Evaluates the images as the trainer's test pass does, and returns the nanoseconds it took. */
        long evaluate(LabeledImages test) {
            long start = System.nanoTime();
            Evaluator.evaluate(model.getBlock(), trainer.getManager(), test, spec.classes(), EVALUATION_BATCH);
            return System.nanoTime() - start;
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }
}

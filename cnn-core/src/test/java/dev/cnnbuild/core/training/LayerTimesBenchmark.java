package dev.cnnbuild.core.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.nn.Intermediates;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.optimizer.LearningRateSchedule;
import dev.cnnbuild.core.optimizer.ResumableOptimizer;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.TrainingSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Times each layer's forward pass, the backward pass and the optimizer's step inside training steps of a model file's
 * network, with the clock alone: PyTorch's profiler slows the memory-bound calls it records (batch norm and ReLU of a
 * residual network took up to 6 times as long under it, in some steps and not others). Its twin,
 * {@code benchmarks/resnet-mnist/layer_times.py}, times the PyTorch script's network the same way, and
 * {@code benchmarks/resnet-mnist/layer-times.sh} runs the two in turns and prints them side by side.
 *
 * <p>The steps are the trainer's: its loss, optimizer and schedule, its input layout, each layer's output freed once
 * the next has run. The batch is generated (a fifth of the pixels inked, as in MNIST), as in
 * {@link NetworkSpeedBenchmark}. Each layer of the network, and of each residual block's two paths, is one row,
 * named by its position ({@code 4 body.2} is the second layer of the fourth layer's main path; {@code 4 add} the sum
 * of the block's paths); the model file's data files are not read. Not a test: run it by hand with cnn-core's test
 * class path and the fork's environment.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$CLASSPATH" \
 *     dev.cnnbuild.core.training.LayerTimesBenchmark mnist-resnet.yaml 150
 * }</pre>
 */
public final class LayerTimesBenchmark {
    private static final int WARM_UP_STEPS = 20;

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final ParameterStore parameters;

    private LayerTimesBenchmark(ParameterStore parameters) {
        this.parameters = parameters;
    }

    /**
     * Trains the network for the warm-up steps, then for the counted ones, and prints one line per row: its label and
     * its mean milliseconds per step, tab-separated.
     *
     * @param args the model file and the number of counted steps
     * @throws Exception if the model file cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LayerTimesBenchmark <model.yaml> <steps>");
        }
        CheckedModel checked = CheckedModel.read(Path.of(args[0]), MemoryLimit.machine());
        int steps = Integer.parseInt(args[1]);
        ModelSpec spec = checked.spec();
        TrainingSpec training = spec.training();
        Engine.getEngine("PyTorch");
        try (Model model = Model.newInstance(spec.name(), "PyTorch")) {
            model.setBlock(NetworkBuilder.build(checked.shapes()));
            Engine.getEngine("PyTorch").setRandomSeed(42);
            int batchSize = training.batchSize();
            ResumableOptimizer optimizer = ResumableOptimizer.of(
                    training.optimizer(),
                    0,
                    LearningRateSchedule.of(
                            training.optimizer(), training.schedule(), training.epochs(), WARM_UP_STEPS + steps));
            Loss loss = training.labelSmoothing() == 0
                    ? Loss.softmaxCrossEntropyLoss()
                    : new SmoothedCrossEntropyLoss(training.labelSmoothing(), null);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer))) {
                InputShape input = spec.input();
                trainer.initialize(new Shape(batchSize, input.channels(), input.height(), input.width()));
                LabeledImages batch = NetworkSpeedBenchmark.generated(input, batchSize, spec.classes(), new Random(7));
                NDManager manager = trainer.getManager();
                NDArray images = ImageTensors.input(model.getBlock(), manager, batch.images(), 0, batchSize);
                NDArray labels = ImageTensors.labels(manager, batch.labels());
                LayerTimesBenchmark timer = new LayerTimesBenchmark(new ParameterStore(manager, false));
                timer.train(trainer, optimizer, images, labels, WARM_UP_STEPS);
                timer.nanos.clear();
                timer.train(trainer, optimizer, images, labels, steps);
                timer.nanos.forEach(
                        (row, total) -> System.out.printf(Locale.ROOT, "%s\t%.3f%n", row, total / 1e6 / steps));
            }
        }
    }

    private void train(Trainer trainer, ResumableOptimizer optimizer, NDArray images, NDArray labels, int steps) {
        Block network = trainer.getModel().getBlock();
        for (int step = 0; step < steps; step++) {
            long stepStart = System.nanoTime();
            try (NDManager scope = trainer.getManager().newSubManager()) {
                images.tempAttach(scope);
                labels.tempAttach(scope);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    long start = System.nanoTime();
                    NDList logits = forward(network, "", new NDList(images));
                    add("forward", start);
                    start = System.nanoTime();
                    NDArray value = trainer.getLoss().evaluate(new NDList(labels), logits);
                    add("loss", start);
                    start = System.nanoTime();
                    collector.backward(value);
                    add("backward", start);
                    value.getFloat();
                }
                long start = System.nanoTime();
                optimizer.stepAll(network, Set.of());
                add("optimizer step", start);
            }
            add("whole step", stepStart);
        }
    }

    /** Runs a block as the network does, timing each layer that is neither a sequence nor a residual block. */
    private NDList forward(Block block, String position, NDList inputs) {
        if (block instanceof SequentialBlock) {
            NDList current = inputs;
            int index = 0;
            for (Block layer : block.getChildren().values()) {
                index++;
                String label = position.isEmpty() ? Integer.toString(index) : position + "." + index;
                NDList next = forward(layer, label, current);
                if (current != inputs) {
                    Intermediates.release(current, inputs, next);
                }
                current = next;
            }
            return current;
        }
        if (block instanceof ParallelBlock) {
            List<Block> paths = block.getChildren().values();
            NDList main = forward(paths.get(0), position + " body", inputs);
            NDList shortcut = forward(paths.get(1), position + " shortcut", inputs);
            long start = System.nanoTime();
            NDList sum = new NDList(main.singletonOrThrow().add(shortcut.singletonOrThrow()));
            add(position + " add", start);
            Intermediates.release(main, inputs, sum);
            Intermediates.release(shortcut, inputs, sum);
            return sum;
        }
        long start = System.nanoTime();
        NDList output = block.forward(parameters, inputs, true);
        add(position + " " + kind(block, inputs, output), start);
        return output;
    }

    private void add(String row, long start) {
        nanos.merge(row, System.nanoTime() - start, Long::sum);
    }

    /** The layer's kind as both benchmarks name it. */
    private static String kind(Block layer, NDList inputs, NDList output) {
        String name = layer.getClass().getSimpleName();
        if (name.contains("Conv")) {
            return "conv";
        }
        if (name.equals("BatchNorm")) {
            return "batchnorm";
        }
        if (name.equals("Linear")) {
            return "linear";
        }
        int before = inputs.singletonOrThrow().getShape().dimension();
        return output.singletonOrThrow().getShape().dimension() < before ? "pool" : "activation";
    }
}

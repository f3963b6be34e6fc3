package dev.cnnbuild.benchmarks.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.runtime.CnnClassifier;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The runtime's overhead measured in one JVM, call by call: {@code classify(BufferedImage)} of one image and the
 * network's forward pass on a prepared tensor take turns, so the machine's drift, which moves separate JMH forks
 * by a fifth, moves both alike. Prints each one's median and 10th and 90th percentile and the overhead
 * ({@code classify} minus the forward pass) as a share of the forward pass (the network's time, which the target is
 * set against) and of {@code classify}. The forward pass is what any caller of DJL pays to run the network and free
 * its activations (a sub-manager, the input lent to it, the block's forward); reading the logits into Java is the
 * runtime's, counted in the overhead. With {@code cpu} after the rounds it
 * times the calling thread's CPU time instead of the wall clock, which a loaded machine disturbs far less: run it so
 * with {@code -Dai.djl.pytorch.num_threads=1}, so that PyTorch does all its work on that thread. With
 * {@code batch N} it compares {@code classifyAllImages} of N images with the forward passes of the same N images
 * in passes of {@value CnnClassifier#BATCH_SIZE}, as {@code classifyAllImages} runs them.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp 'target/classes:target/lib/*' dev.cnnbuild.benchmarks.runtime.RuntimeOverhead 5000
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp 'target/classes:target/lib/*' \
 *     dev.cnnbuild.benchmarks.runtime.RuntimeOverhead 5000 cpu
 * java -Dai.djl.offline=true -cp 'target/classes:target/lib/*' dev.cnnbuild.benchmarks.runtime.RuntimeOverhead 300 batch 256
 * }</pre>
 */
public final class RuntimeOverhead {
    private RuntimeOverhead() {}

    /**
     * Runs 500 warm-up rounds, then the given number of measured rounds.
     *
     * @param args the measured rounds (default 5000); then {@code cpu} to time the thread's CPU time; then
     *     {@code batch N} to classify N images per round
     * @throws Exception if the model or the images cannot be read
     */
    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LongSupplier clock = options.contains("cpu") ? threads::getCurrentThreadCpuTime : System::nanoTime;
        int batch = options.contains("batch") ? Integer.parseInt(options.get(options.indexOf("batch") + 1)) : 0;
        List<BufferedImage> images = MnistBenchmarkModel.testImages(Math.max(256, batch));
        List<BufferedImage> batchImages = images.subList(0, batch);
        ImageSet set = MnistBenchmarkModel.testSet();
        try (CnnClassifier classifier = CnnClassifier.load(MnistBenchmarkModel.directory());
                LoadedModel model = LoadedModel.load(ModelDirectory.of(MnistBenchmarkModel.directory()), Device.cpu());
                NDManager inputs = model.manager().newSubManager()) {
            ImageClassifier network = model.classifier();
            List<NDArray> passes = new ArrayList<>();
            for (int from = 0; from < Math.max(1, batch); from += CnnClassifier.BATCH_SIZE) {
                int to = Math.min(from + CnnClassifier.BATCH_SIZE, Math.max(1, batch));
                passes.add(network.normalization().apply(ImageTensors.input(network.network(), inputs, set, from, to)));
            }
            long[] classify = new long[rounds];
            long[] forward = new long[rounds];
            for (int round = -Math.min(500, rounds); round < rounds; round++) {
                long start = clock.getAsLong();
                if (batch > 0) {
                    classifier.classifyAllImages(batchImages);
                } else {
                    classifier.classify(images.get(Math.floorMod(round, images.size())));
                }
                long classified = clock.getAsLong();
                for (NDArray input : passes) {
                    forward(network.network(), inputs, input);
                }
                long forwarded = clock.getAsLong();
                if (round >= 0) {
                    classify[round] = classified - start;
                    forward[round] = forwarded - classified;
                }
            }
            Arrays.sort(classify);
            Arrays.sort(forward);
            double c = classify[rounds / 2] / 1e3;
            double f = forward[rounds / 2] / 1e3;
            System.out.printf(
                    Locale.ROOT,
                    (batch > 0 ? "classifyAllImages of " + batch : "classify")
                            + "  median %.1f us (p10 %.1f, p90 %.1f)%n",
                    c,
                    p(classify, 10),
                    p(classify, 90));
            System.out.printf(
                    Locale.ROOT, "forward   median %.1f us (p10 %.1f, p90 %.1f)%n", f, p(forward, 10), p(forward, 90));
            System.out.printf(
                    Locale.ROOT,
                    "overhead  %.1f us, %.1f %% of the forward pass, %.1f %% of classify (medians)%n",
                    c - f,
                    100 * (c - f) / f,
                    100 * (c - f) / c);
        }
    }

    private static void forward(Block network, NDManager manager, NDArray input) {
        try (NDManager scope = manager.newSubManager()) {
            input.tempAttach(scope);
            network.forward(new ParameterStore(scope, false), new NDList(input), false);
        }
    }

    private static double p(long[] sorted, int percent) {
        return sorted[sorted.length * percent / 100] / 1e3;
    }
}

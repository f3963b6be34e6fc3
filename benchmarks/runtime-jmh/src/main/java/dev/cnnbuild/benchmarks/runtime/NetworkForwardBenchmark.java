package dev.cnnbuild.benchmarks.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.ImageClassifier;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.runtime.CnnClassifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The network alone: DJL's forward pass in inference mode on input tensors prepared beforehand, laid out and
 * normalised as {@link CnnClassifier} prepares them. What {@link CnnClassifierBenchmark} takes beyond this is the
 * runtime's own overhead (preprocessing, softmax, copying the probabilities out, the result objects). {@code batch}
 * runs the passes {@code classifyAllImages} runs: {@value CnnClassifier#BATCH_SIZE} images each.
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main NetworkForwardBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NetworkForwardBenchmark {
    /** The images: 1 for {@code one}, or a batch of 32 or 256. */
    @Param({"1", "32", "256"})
    public int size;

    private LoadedModel model;
    private Block network;
    private NDManager manager;
    private final List<NDArray> inputs = new ArrayList<>();

    /**
     * Loads the model and prepares the input tensors.
     *
     * @throws IOException if the model directory cannot be read
     * @throws SpecException if the model's {@code model.yaml} is not valid
     * @throws DatasetException if the MNIST test file cannot be read
     */
    @Setup(Level.Trial)
    public void load() throws IOException, SpecException, DatasetException {
        model = LoadedModel.load(ModelDirectory.of(MnistBenchmarkModel.directory()), Device.cpu());
        ImageClassifier classifier = model.classifier();
        network = classifier.network();
        manager = model.manager().newSubManager();
        ImageSet images = MnistBenchmarkModel.testSet();
        for (int from = 0; from < size; from += CnnClassifier.BATCH_SIZE) {
            int to = Math.min(from + CnnClassifier.BATCH_SIZE, size);
            inputs.add(classifier.normalization().apply(ImageTensors.input(network, manager, images, from, to)));
        }
    }

    /** Frees the inputs and the model. */
    @TearDown(Level.Trial)
    public void close() {
        manager.close();
        model.close();
    }

    /**
     * Runs the forward passes of {@code size} images.
     *
     * @return the shape of the last pass's logits
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Shape forward() {
        Shape shape = null;
        for (NDArray input : inputs) {
            try (NDManager scope = manager.newSubManager()) {
                input.tempAttach(scope);
                NDArray logits = network.forward(new ParameterStore(scope, false), new NDList(input), false)
                        .singletonOrThrow();
                shape = logits.getShape();
            }
        }
        return shape;
    }
}

package dev.cnnbuild.benchmarks.runtime;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.spec.SpecException;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline a team writes by hand with plain DJL: the network's block with the trained parameters, a
 * {@link Predictor} and a hand-written {@link Translator} from a grey {@link BufferedImage} to the ten class
 * probabilities ({@link HandWrittenInput}, then softmax). The block is built by {@code cnn-core}'s
 * {@code NetworkBuilder} from the model directory's {@code model.yaml}, the same DJL blocks a team would write out.
 * {@code batch} runs {@code batchPredict}: one forward pass for the whole batch.
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main DjlTranslatorBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DjlTranslatorBenchmark {
    private Model model;
    private Predictor<BufferedImage, float[]> predictor;
    private List<BufferedImage> images;
    private int next;

    /**
     * Loads the network and its parameters as a DJL {@link Model} and decodes the images.
     *
     * @throws IOException if the model directory cannot be read
     * @throws SpecException if its {@code model.yaml} is not a valid model file
     * @throws MalformedModelException if the parameters do not fit the network
     * @throws DatasetException if the MNIST test file cannot be read
     */
    @Setup
    public void load() throws IOException, SpecException, MalformedModelException, DatasetException {
        Path directory = MnistBenchmarkModel.directory();
        Path yaml = directory.resolve("model.yaml");
        ModelSpec spec = ModelSpecReader.parse(yaml, Files.readString(yaml));
        Block network = NetworkBuilder.build(ShapeInference.infer(spec));
        model = Model.newInstance(spec.name(), Device.cpu(), "PyTorch");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(directory.resolve("parameters.params")))) {
            network.loadParameters(model.getNDManager(), new DataInputStream(in));
        }
        model.setBlock(network);
        ChannelNormalization normalization = MnistBenchmarkModel.normalization();
        HandWrittenInput input = new HandWrittenInput(
                spec.input().height(),
                spec.input().width(),
                (float) normalization.mean()[0],
                (float) normalization.std()[0]);
        predictor = model.newPredictor(new ProbabilitiesTranslator(input));
        images = MnistBenchmarkModel.testImages(ClassifierBenchmark.Images.ROTATION);
    }

    /** Frees the predictor and the model. */
    @TearDown
    public void close() {
        predictor.close();
        model.close();
    }

    /**
     * Predicts one image, the next of the rotation.
     *
     * @return its class probabilities
     * @throws TranslateException if DJL fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[] one() throws TranslateException {
        BufferedImage image = images.get(next);
        next = (next + 1) % images.size();
        return predictor.predict(image);
    }

    /**
     * Predicts a batch of images in one forward pass.
     *
     * @param batch the images
     * @return their class probabilities
     * @throws TranslateException if DJL fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<float[]> batch(ClassifierBenchmark.Images batch) throws TranslateException {
        return predictor.batchPredict(batch.images);
    }

    /** A grey image in, its ten class probabilities out; DJL's default batchifier stacks images into a batch. */
    private record ProbabilitiesTranslator(HandWrittenInput input) implements Translator<BufferedImage, float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, BufferedImage image) {
            float[] pixels = input.floats(List.of(image));
            return new NDList(ctx.getNDManager().create(pixels, new Shape(1, input.height(), input.width())));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().softmax(0).toFloatArray();
        }
    }
}

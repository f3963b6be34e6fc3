package dev.cnnbuild.benchmarks.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
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
 * ONNX Runtime (its default session options) on the model directory's {@code model.onnx}, with the preprocessing
 * done by hand into a {@code float} array ({@link HandWrittenInput}) and the softmax by hand: what an application
 * without DJL writes. {@code batch} runs the whole batch in one {@code run}.
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main OnnxRuntimeBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OnnxRuntimeBenchmark {
    private OrtEnvironment environment;
    private OrtSession session;
    private String inputName;
    private HandWrittenInput input;
    private List<BufferedImage> images;
    private int next;

    /**
     * Opens a session on {@code model.onnx} and decodes the images.
     *
     * @throws OrtException if ONNX Runtime refuses the model
     * @throws IOException if the model directory cannot be read
     * @throws DatasetException if the MNIST test file cannot be read
     */
    @Setup
    public void load() throws OrtException, IOException, DatasetException {
        environment = OrtEnvironment.getEnvironment();
        session = environment.createSession(
                MnistBenchmarkModel.directory().resolve("model.onnx").toString(), new OrtSession.SessionOptions());
        inputName = session.getInputNames().iterator().next();
        ChannelNormalization normalization = MnistBenchmarkModel.normalization();
        input = new HandWrittenInput(
                28, 28, (float) normalization.mean()[0], (float) normalization.std()[0]);
        images = MnistBenchmarkModel.testImages(ClassifierBenchmark.Images.ROTATION);
    }

    /**
     * Closes the session.
     *
     * @throws OrtException if ONNX Runtime fails to
     */
    @TearDown
    public void close() throws OrtException {
        session.close();
    }

    /**
     * Classifies one image, the next of the rotation.
     *
     * @return its class probabilities
     * @throws OrtException if ONNX Runtime fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[][] one() throws OrtException {
        BufferedImage image = images.get(next);
        next = (next + 1) % images.size();
        return probabilities(List.of(image));
    }

    /**
     * Classifies a batch of images in one run.
     *
     * @param batch the images
     * @return their class probabilities
     * @throws OrtException if ONNX Runtime fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[][] batch(ClassifierBenchmark.Images batch) throws OrtException {
        return probabilities(batch.images);
    }

    private float[][] probabilities(List<BufferedImage> batch) throws OrtException {
        long[] shape = {batch.size(), 1, input.height(), input.width()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input.floats(batch)), shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            float[][] logits = (float[][]) result.get(0).getValue();
            for (float[] row : logits) {
                softmax(row);
            }
            return logits;
        }
    }

    private static void softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        float sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = (float) Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= sum;
        }
    }
}

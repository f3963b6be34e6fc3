package dev.cnnbuild.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.onnx.OnnxExporter;
import dev.cnnbuild.test.CnnModel;
import dev.cnnbuild.test.CnnTest;
import dev.cnnbuild.test.TrainedModel;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code model.onnx} that {@code cnn:train} wrote beside the trained {@code mnist-cnn}, run by ONNX Runtime on
 * the 10,000 preprocessed MNIST test images, gives the DJL network's logits within 1e-4 and the same class for
 * every image. The test API's model parameter skips it, as the other tests, when the build skips the {@code cnn}
 * goals.
 */
@CnnTest
class MnistOnnxTest {
    private static final Path MNIST = Path.of(System.getProperty("mnist.directory", "data/mnist"));
    private static final int BATCH = 1000;

    @Test
    void onnxRuntimeGivesTheLogitsAndClassesOfTheTrainedNetwork(@TrainedModel("mnist-cnn") CnnModel trained)
            throws Exception {
        ModelDirectory directory = ModelDirectory.of(CnnModel.outputDirectory(), trained.name());
        assertThat(directory.onnx())
                .as("cnn:train writes model.onnx; a directory trained before the export has none: retrain it with"
                        + " mvn cnn:train -Dcnn.force=true")
                .isRegularFile();
        ImageSet images = IdxReader.readImages(MNIST.resolve("t10k-images-idx3-ubyte.gz"));
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        int classes = 10;
        int agreeing = 0;
        double largest = 0;
        try (LoadedModel model = LoadedModel.load(directory, Device.cpu());
                OrtSession session = environment.createSession(
                        Files.readAllBytes(directory.onnx()), new OrtSession.SessionOptions())) {
            ChannelNormalization normalization = model.classifier().normalization();
            for (int from = 0; from < images.count(); from += BATCH) {
                int to = Math.min(images.count(), from + BATCH);
                try (NDManager scope = model.manager().newSubManager()) {
                    float[] djl = model.network()
                            .forward(
                                    new ParameterStore(scope, false),
                                    new NDList(normalization.apply(
                                            ImageTensors.input(model.network(), scope, images, from, to))),
                                    false)
                            .singletonOrThrow()
                            .toFloatArray();
                    float[] input = normalization
                            .apply(ImageTensors.images(scope, images, from, to))
                            .toFloatArray();
                    long[] shape = {to - from, 1, 28, 28};
                    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
                            OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, tensor))) {
                        float[][] onnx = (float[][]) result.get(0).getValue();
                        for (int i = 0; i < onnx.length; i++) {
                            for (int k = 0; k < classes; k++) {
                                float expected = djl[i * classes + k];
                                largest = Math.max(largest, Math.abs(onnx[i][k] - expected));
                                assertThat(onnx[i][k])
                                        .as("test image %d, logit %d", from + i, k)
                                        .isCloseTo(expected, within(1e-4f));
                            }
                            if (argmax(onnx[i], 0) == argmax(djl, i * classes) - i * classes) {
                                agreeing++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(agreeing)
                .as("images classified alike (largest logit difference %.2e)", largest)
                .isEqualTo(images.count());
    }

    /** Returns the index in {@code values} of the largest of the ten values from {@code offset}. */
    private static int argmax(float[] values, int offset) {
        int best = offset;
        for (int i = offset + 1; i < offset + 10; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}

package dev.cnnbuild.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.data.DecodedCache;
import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.ModelData;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.testing.PythonTorch;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights both ways on the sample's whole test set: the sample's network, trained by {@code cnn:train}'s service
 * (DJL) for one epoch on the first 2,000 MNIST training images, gives on all 10,000 MNIST test images the same
 * logits within 1e-4 and the same predicted classes in DJL (read and normalised as {@code cnn:check} reads them) and
 * in Python (read and normalised by the exported {@code data.py}), through the generated module that
 * {@code convert.py} loads and through the TorchScript file it writes. Needs {@code /usr/bin/python3} with torch,
 * which CI installs.
 */
class SampleTestSetLogitsTest {
    private static final Path MNIST =
            Path.of("../sample-project/data/mnist").toAbsolutePath().normalize();
    private static final int TRAINING_IMAGES = 2_000;
    private static final int TEST_IMAGES = 10_000;
    private static final int CLASSES = 10;
    private static final float TOLERANCE = 1e-4f;

    /** The logits of every image from the generated module and from the TorchScript file, as float32 files. */
    private static final String PYTHON_LOGITS = String.join(
            "\n",
            "import convert, json, sys, torch",
            "import data as datasets",
            "torch.set_num_threads(2)",
            "config = json.load(open('export.json', encoding='utf-8'))",
            "loaded = datasets.load(config, sys.argv[5])",
            "module = convert.load(sys.argv[1])",
            "script = torch.jit.load(sys.argv[2]).eval()",
            "for network, out in ((module, sys.argv[3]), (script, sys.argv[4])):",
            "    with torch.no_grad():",
            "        logits = torch.cat([network(datasets.to_input(loaded.test_x[s:s + 1000], loaded.normalization))",
            "                            for s in range(0, len(loaded.test_x), 1000)])",
            "    logits.numpy().astype('<f4').tofile(out)",
            "print(len(loaded.test_x), loaded.normalization)");

    @TempDir
    Path dir;

    @Test
    void allTenThousandTestImagesGiveTheSameLogitsAndClassesInDjlAndInTheExportedModule() throws Exception {
        PythonTorch.assumeAvailable();
        Path train = dir.resolve("train-images-idx3-ubyte.gz");
        Path trainLabels = dir.resolve("train-labels-idx1-ubyte.gz");
        writeFirstImages(MNIST.resolve("train-images-idx3-ubyte.gz"), train);
        writeFirstLabels(MNIST.resolve("train-labels-idx1-ubyte.gz"), trainLabels);
        Path file = Files.writeString(
                dir.resolve("mnist-logits.yaml"),
                String.join(
                        "\n",
                        "name: mnist-logits",
                        "input: {channels: 1, height: 28, width: 28}",
                        "classes: 10",
                        "layers:",
                        "  - conv2d: {filters: 16, kernel: 5}",
                        "  - relu",
                        "  - conv2d: {filters: 32, kernel: 5}",
                        "  - relu",
                        "  - maxpool: {kernel: 2, stride: 2}",
                        "  - conv2d: {filters: 64, kernel: 5}",
                        "  - relu",
                        "  - maxpool: {kernel: 2, stride: 2}",
                        "  - flatten",
                        "  - linear: {units: 100}",
                        "  - relu",
                        "  - linear: {units: 10}",
                        "data:",
                        "  format: idx",
                        "  train: {images: " + train + ", labels: " + trainLabels + "}",
                        "  test: {images: " + MNIST.resolve("t10k-images-idx3-ubyte.gz") + ", labels: "
                                + MNIST.resolve("t10k-labels-idx1-ubyte.gz") + "}",
                        "  normalize: auto",
                        "training:",
                        "  epochs: 1",
                        "  batchSize: 100",
                        "  optimizer: {adam: {learningRate: 0.001}}",
                        "  seed: 42",
                        ""));
        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(file, dir.resolve("out")));
        ModelDirectory directory = ModelDirectory.of(dir.resolve("out"), "mnist-logits");
        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));
        Path script = dir.resolve("mnist-logits.pt");
        Path moduleLogits = dir.resolve("module.f32");
        Path scriptLogits = dir.resolve("torchscript.f32");

        PythonTorch.run(
                pkg, "convert.py", "--model-dir", directory.root().toString(), "--torchscript", script.toString());
        PythonTorch.run(
                pkg,
                "-c",
                PYTHON_LOGITS,
                directory.root().toString(),
                script.toString(),
                moduleLogits.toString(),
                scriptLogits.toString(),
                dir.toString());

        float[] djl = djlLogits(directory);
        assertThat(djl).hasSize(TEST_IMAGES * CLASSES);
        assertSame(djl, floats(moduleLogits), "the generated module (convert.load)");
        assertSame(djl, floats(scriptLogits), "the TorchScript file (convert.py)");
    }

    /** The plugin's logits: the test set read by {@code ModelData} as {@code cnn:check} reads it, through DJL. */
    private float[] djlLogits(ModelDirectory directory) throws Exception {
        float[] logits = new float[TEST_IMAGES * CLASSES];
        try (LoadedModel model = LoadedModel.load(directory, dir, Device.cpu());
                ImageStore test = ModelData.testStore(
                        model.spec(),
                        directory.root(),
                        DecodedCache.folderBeside(directory.root().getParent()),
                        line -> {})) {
            assertThat(test.count()).isEqualTo(TEST_IMAGES);
            for (int start = 0; start < TEST_IMAGES; start += 1000) {
                try (NDManager scope = model.manager().newSubManager()) {
                    ImageSet images =
                            test.gather(IntStream.range(start, start + 1000).toArray());
                    NDArray input = model.classifier()
                            .normalization()
                            .apply(ImageTensors.images(scope, images, 0, images.count()));
                    float[] batch = model.network()
                            .forward(new ParameterStore(scope, false), new NDList(input), false)
                            .singletonOrThrow()
                            .toFloatArray();
                    System.arraycopy(batch, 0, logits, start * CLASSES, batch.length);
                }
            }
        }
        return logits;
    }

    /**
     * Asserts the largest difference of a logit is at most 1e-4 and every image has the same predicted class, naming
     * the worst image and the first images whose classes differ.
     */
    private static void assertSame(float[] djl, float[] torch, String what) {
        assertThat(torch)
                .as("%s gave %d logits for %d test images of %d classes", what, torch.length, TEST_IMAGES, CLASSES)
                .hasSize(djl.length);
        float worst = 0;
        int worstIndex = 0;
        List<String> otherClass = new ArrayList<>();
        for (int image = 0; image < TEST_IMAGES; image++) {
            for (int k = 0; k < CLASSES; k++) {
                int i = image * CLASSES + k;
                float difference = Math.abs(djl[i] - torch[i]);
                if (!(difference <= worst)) {
                    worst = difference;
                    worstIndex = i;
                }
            }
            int djlClass = argmax(djl, image);
            int torchClass = argmax(torch, image);
            if (djlClass != torchClass && otherClass.size() < 10) {
                otherClass.add("image " + image + ": DJL " + djlClass + ", PyTorch " + torchClass);
            }
        }
        assertThat(worst)
                .as(
                        "largest logit difference between DJL and %s on the %d MNIST test images: image %d, class %d:"
                                + " DJL %s, PyTorch %s",
                        what,
                        TEST_IMAGES,
                        worstIndex / CLASSES,
                        worstIndex % CLASSES,
                        djl[worstIndex],
                        torch[worstIndex])
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(otherClass)
                .as("test images that DJL and %s classify differently (first 10)", what)
                .isEmpty();
        System.out.printf(
                "%s: largest logit difference from DJL %.2e on %d test images, same classes%n",
                what, worst, TEST_IMAGES);
    }

    private static int argmax(float[] logits, int image) {
        int best = 0;
        for (int k = 1; k < CLASSES; k++) {
            if (logits[image * CLASSES + k] > logits[image * CLASSES + best]) {
                best = k;
            }
        }
        return best;
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static void writeFirstImages(Path from, Path to) throws Exception {
        ImageSet images = IdxReader.readImages(from).first(TRAINING_IMAGES);
        writeIdx(to, 0x00000803, new int[] {images.count(), images.height(), images.width()}, images.pixels());
    }

    private static void writeFirstLabels(Path from, Path to) throws Exception {
        int[] labels = Arrays.copyOf(IdxReader.readLabels(from), TRAINING_IMAGES);
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bytes[i] = (byte) labels[i];
        }
        writeIdx(to, 0x00000801, new int[] {labels.length}, bytes);
    }

    private static void writeIdx(Path file, int magic, int[] dimensions, byte[] values) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                DataOutputStream idx = new DataOutputStream(new GZIPOutputStream(out))) {
            idx.writeInt(magic);
            for (int dimension : dimensions) {
                idx.writeInt(dimension);
            }
            idx.write(values);
        }
    }
}

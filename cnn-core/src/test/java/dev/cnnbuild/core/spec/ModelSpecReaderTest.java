package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecReaderTest {

    @Test
    void readsEveryFieldOfTheTutorial() throws SpecException {
        Path file = Tutorial.resource();

        ModelSpec spec = ModelSpecReader.read(file);

        assertThat(spec.name()).isEqualTo("mnist-cnn");
        assertThat(spec.source()).isEqualTo(file);
        assertThat(spec.yaml()).isEqualTo(Tutorial.text());
        assertThat(spec.input()).isEqualTo(new InputShape(1, 28, 28));
        assertThat(spec.classes()).isEqualTo(10);
        assertThat(spec.layers())
                .containsExactly(
                        new Conv2dLayer(16, 5, 1, 0, new SourceLocation(file, 5, 5)),
                        new ReluLayer(new SourceLocation(file, 6, 5)),
                        new Conv2dLayer(32, 5, 1, 0, new SourceLocation(file, 7, 5)),
                        new ReluLayer(new SourceLocation(file, 8, 5)),
                        new MaxPoolLayer(2, 2, new SourceLocation(file, 9, 5)),
                        new Conv2dLayer(64, 5, 1, 0, new SourceLocation(file, 10, 5)),
                        new ReluLayer(new SourceLocation(file, 11, 5)),
                        new MaxPoolLayer(2, 2, new SourceLocation(file, 12, 5)),
                        new FlattenLayer(new SourceLocation(file, 13, 5)),
                        new LinearLayer(100, new SourceLocation(file, 14, 5)),
                        new ReluLayer(new SourceLocation(file, 15, 5)),
                        new LinearLayer(10, new SourceLocation(file, 16, 5)));
        assertThat(spec.layers())
                .extracting(LayerSpec::type)
                .containsExactly(
                        "conv2d", "relu", "conv2d", "relu", "maxpool", "conv2d", "relu", "maxpool", "flatten", "linear",
                        "relu", "linear");
        Path folder = file.getParent();
        assertThat(spec.data())
                .isEqualTo(new DataSpec(
                        "idx",
                        new DatasetFiles(
                                folder.resolve("data/mnist/train-images-idx3-ubyte.gz"),
                                folder.resolve("data/mnist/train-labels-idx1-ubyte.gz")),
                        new DatasetFiles(
                                folder.resolve("data/mnist/t10k-images-idx3-ubyte.gz"),
                                folder.resolve("data/mnist/t10k-labels-idx1-ubyte.gz"))));
        assertThat(spec.training())
                .isEqualTo(new TrainingSpec(
                        10,
                        256,
                        new AdamOptimizer(0.0002, 0.9, 0.999, 1e-8, 0),
                        "softmaxCrossEntropy",
                        42,
                        DeviceChoice.AUTO));
        assertThat(spec.training().optimizer().type()).isEqualTo("adam");
    }

    @Test
    void resolvesDataPathsAgainstTheFolderOfARelativeModelFile() throws SpecException {
        String text = Tutorial.with("labels: data/mnist/t10k-labels-idx1-ubyte.gz", "labels: /srv/mnist/labels.gz");

        ModelSpec spec = ModelSpecReader.parse(Path.of("src/main/cnn/mnist.yaml"), text);

        Path folder = Path.of("src/main/cnn").toAbsolutePath();
        assertThat(spec.source()).isEqualTo(Path.of("src/main/cnn/mnist.yaml"));
        assertThat(spec.data().train().images())
                .isEqualTo(folder.resolve("data/mnist/train-images-idx3-ubyte.gz"))
                .isAbsolute();
        assertThat(spec.data().test().labels()).isEqualTo(Path.of("/srv/mnist/labels.gz"));
    }

    @Test
    void normalizesDataPaths() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with(
                "images: data/mnist/train-images-idx3-ubyte.gz", "images: ./data/../shared/train-images.gz"));

        assertThat(spec.data().train().images())
                .isEqualTo(Path.of("shared/train-images.gz").toAbsolutePath());
    }

    @Test
    void reportsAModelFileThatCannotBeRead(@TempDir Path folder) {
        Path missing = folder.resolve("missing.yaml");

        assertThatThrownBy(() -> ModelSpecReader.read(missing))
                .isInstanceOf(SpecException.class)
                .hasMessage("Cannot read model file " + missing + ": it does not exist; check the path");
    }

    @Test
    void refusesAModelFileThatIsNoRegularFileOrTooLargeWithoutReadingIt(@TempDir Path folder) throws Exception {
        Path huge = folder.resolve("huge.yaml");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        }

        assertThatThrownBy(() -> ModelSpecReader.read(Path.of("/dev/zero")))
                .isInstanceOf(SpecException.class)
                .hasMessage("Cannot read model file /dev/zero: it is not a regular file (a device, a pipe or a"
                        + " socket); name a regular file");
        assertThatThrownBy(() -> ModelSpecReader.read(folder))
                .hasMessage(
                        "Cannot read model file " + folder + ": it is a directory, not a file; name a file inside it");
        assertThatThrownBy(() -> ModelSpecReader.read(huge))
                .hasMessage(
                        "Cannot read model file " + huge
                                + ": it holds 3221225472 bytes, more than a model file's limit of 1048576; name the right file");
    }

    @Test
    void defaultsStrideToOneAndPaddingToZeroForConv2dAndStrideToTheKernelForPooling() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with("""
                  - maxpool: {kernel: 2, stride: 2}
                  - conv2d: {filters: 64, kernel: 5}
                """, """
                  - maxpool: {kernel: 2}
                  - conv2d: {filters: 64, kernel: 3, stride: 2, padding: 1}
                  - avgpool: {kernel: 3}
                  - avgpool: {kernel: 3, stride: 1}
                """));

        assertThat(spec.layers().get(0))
                .isEqualTo(new Conv2dLayer(16, 5, 1, 0, new SourceLocation(Tutorial.FILE, 5, 5)));
        assertThat(spec.layers().subList(4, 8))
                .containsExactly(
                        new MaxPoolLayer(2, 2, new SourceLocation(Tutorial.FILE, 9, 5)),
                        new Conv2dLayer(64, 3, 2, 1, new SourceLocation(Tutorial.FILE, 10, 5)),
                        new AvgPoolLayer(3, 3, new SourceLocation(Tutorial.FILE, 11, 5)),
                        new AvgPoolLayer(3, 1, new SourceLocation(Tutorial.FILE, 12, 5)));
    }

    @Test
    void readsParameterlessLayersAsABareNameOrWithAnEmptyValue() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with("""
                  - relu
                  - conv2d: {filters: 32, kernel: 5}
                  - relu
                """, """
                  - relu: {}
                  - sigmoid
                  - tanh: ~
                  - batchnorm:
                  - conv2d: {filters: 32, kernel: 5}
                  - batchnorm
                """));

        assertThat(spec.layers().subList(1, 6))
                .containsExactly(
                        new ReluLayer(new SourceLocation(Tutorial.FILE, 6, 5)),
                        new SigmoidLayer(new SourceLocation(Tutorial.FILE, 7, 5)),
                        new TanhLayer(new SourceLocation(Tutorial.FILE, 8, 5)),
                        new BatchNormLayer(new SourceLocation(Tutorial.FILE, 9, 5)),
                        new Conv2dLayer(32, 5, 1, 0, new SourceLocation(Tutorial.FILE, 10, 5)));
        assertThat(spec.layers().get(6)).isEqualTo(new BatchNormLayer(new SourceLocation(Tutorial.FILE, 11, 5)));
    }

    @Test
    void readsDropoutWithItsDefaultRate() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with("""
                  - linear: {units: 100}
                  - relu
                """, """
                  - linear: {units: 100}
                  - dropout
                  - relu
                  - dropout: {rate: 0.25}
                """));

        assertThat(spec.layers().get(10)).isEqualTo(new DropoutLayer(0.5, new SourceLocation(Tutorial.FILE, 15, 5)));
        assertThat(spec.layers().get(12)).isEqualTo(new DropoutLayer(0.25, new SourceLocation(Tutorial.FILE, 17, 5)));
    }

    @Test
    void usesTheDefaultsOfTheOptionalDataAndTrainingSettings() throws SpecException {
        String text = Tutorial.with("  format: idx\n", "").replaceAll("(?s)training:.*", "training: {epochs: 3}\n");

        ModelSpec spec = Tutorial.parse(text);

        assertThat(spec.data().format()).isEqualTo("idx");
        assertThat(spec.training())
                .isEqualTo(new TrainingSpec(
                        3, 32, AdamOptimizer.defaults(), "softmaxCrossEntropy", 42, DeviceChoice.AUTO));
        assertThat(AdamOptimizer.defaults()).isEqualTo(new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0));
    }

    @Test
    void readsSgdWithItsSettingsOrItsDefaults() throws SpecException {
        ModelSpec withSettings = Tutorial.parse(Tutorial.with(
                "{adam: {learningRate: 0.0002}}", "{sgd: {learningRate: 0.1, momentum: 0.9, weightDecay: 5e-4}}"));
        ModelSpec byName = Tutorial.parse(Tutorial.with("{adam: {learningRate: 0.0002}}", "sgd"));

        assertThat(withSettings.training().optimizer()).isEqualTo(new SgdOptimizer(0.1, 0.9, 0.0005));
        assertThat(withSettings.training().optimizer().type()).isEqualTo("sgd");
        assertThat(byName.training().optimizer())
                .isEqualTo(new SgdOptimizer(0.01, 0, 0))
                .isEqualTo(SgdOptimizer.defaults());
    }

    @Test
    void readsAdamWithEverySetting() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with(
                "{adam: {learningRate: 0.0002}}",
                "{adam: {learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1}}"));

        assertThat(spec.training().optimizer()).isEqualTo(new AdamOptimizer(0.01, 0.8, 0.99, 1e-6, 0.1));
    }

    @Test
    void readsTheValidationSplitAndEarlyStopping() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with(
                "  device: auto\n",
                "  device: auto\n"
                        + "  validationSplit: 0.1\n"
                        + "  earlyStopping: {metric: validationAccuracy, patience: 2, minDelta: 0.001}\n"));

        assertThat(spec.training().validationSplit()).isEqualTo(0.1);
        assertThat(spec.training().earlyStopping())
                .isEqualTo(new EarlyStoppingSpec(EarlyStoppingMetric.VALIDATION_ACCURACY, 2, 0.001));
    }

    @Test
    void earlyStoppingOnATestMetricNeedsNoValidationSplitAndMinDeltaDefaultsToZero() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.with(
                "  device: auto\n", "  device: auto\n" + "  earlyStopping: {metric: testLoss, patience: 1}\n"));

        assertThat(spec.training().validationSplit()).isZero();
        assertThat(spec.training().earlyStopping())
                .isEqualTo(new EarlyStoppingSpec(EarlyStoppingMetric.TEST_LOSS, 1, 0));
        assertThat(spec.training().testPass()).isEqualTo(TestPass.END);
        assertThat(spec.training().testsEveryEpoch())
                .as("early stopping watches the test set")
                .isTrue();
    }

    @Test
    void noValidationSplitAndNoEarlyStoppingUnlessGiven() throws SpecException {
        TrainingSpec training = Tutorial.parse(Tutorial.text()).training();

        assertThat(training.validationSplit()).isZero();
        assertThat(training.earlyStopping()).isNull();
    }

    @Test
    void measuresTheTestSetAfterTheLastEpochUnlessAskedForEveryEpoch() throws SpecException {
        TrainingSpec byDefault = Tutorial.parse(Tutorial.text()).training();
        TrainingSpec everyEpoch = Tutorial.parse(
                        Tutorial.with("  device: auto\n", "  device: auto\n" + "  testPass: everyEpoch\n"))
                .training();
        TrainingSpec validated = Tutorial.parse(Tutorial.with(
                        "  device: auto\n",
                        "  device: auto\n"
                                + "  validationSplit: 0.1\n  earlyStopping: {metric: validationLoss, patience: 2}\n"))
                .training();

        assertThat(byDefault.testPass()).isEqualTo(TestPass.END);
        assertThat(byDefault.testsEveryEpoch()).isFalse();
        assertThat(everyEpoch.testPass()).isEqualTo(TestPass.EVERY_EPOCH);
        assertThat(everyEpoch.testsEveryEpoch()).isTrue();
        assertThat(validated.testsEveryEpoch()).isFalse();
    }

    @Test
    void readsTheDeviceIgnoringCase() throws SpecException {
        assertThat(Tutorial.parse(Tutorial.with("device: auto", "device: GPU"))
                        .training()
                        .device())
                .isEqualTo(DeviceChoice.GPU);
        assertThat(Tutorial.parse(Tutorial.with("device: auto", "device: cpu"))
                        .training()
                        .device())
                .isEqualTo(DeviceChoice.CPU);
    }

    @Test
    void acceptsAnchorsAndAliases() throws SpecException {
        String test = "test:  {images: data/mnist/t10k-images-idx3-ubyte.gz,"
                + "  labels: data/mnist/t10k-labels-idx1-ubyte.gz}";
        ModelSpec spec = Tutorial.parse(Tutorial.with(test, "test: *train").replace("train: {", "train: &train {"));

        assertThat(spec.data().test()).isEqualTo(spec.data().train());
    }

    @Test
    void keepsTheLayersImmutable() throws SpecException {
        ModelSpec spec = Tutorial.parse(Tutorial.text());

        assertThatThrownBy(() -> spec.layers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

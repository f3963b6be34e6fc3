package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every mistake in a model file gives one exact error: where, what is wrong, how to fix it. */
class ModelSpecErrorsTest {

    @Test
    void yamlSyntaxError() {
        String text = Tutorial.with("{filters: 16, kernel: 5}", "{filters: 16, kernel: [5}");

        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:5:37: invalid YAML: expected ',' or ']', but got }"
                        + " (while parsing a flow sequence that starts at line 5, column 35)");
    }

    @Test
    void moreThanOneDocument() {
        assertThat(Tutorial.errorOf(Tutorial.text() + "---\nname: other\n"))
                .isEqualTo("mnist.yaml:28:1:"
                        + " invalid YAML: expected a single document in the stream, but found another document");
    }

    @Test
    void javaTagIsRejectedWithoutConstructingAnything() {
        String text = Tutorial.with(
                "- conv2d: {filters: 16, kernel: 5}",
                "- conv2d: !!dev.cnnbuild.core.spec.ConstructionProbe {filters: 16, kernel: 5}");

        assertThat(Tutorial.errorOf(Tutorial.with("name: mnist-cnn", "name: !!java.io.File /etc/passwd")))
                .isEqualTo("mnist.yaml:1:7: YAML tag '!!java.io.File' is not allowed; remove it, a model file"
                        + " holds only plain values, lists and mappings");
        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:5:13: YAML tag"
                        + " '!!dev.cnnbuild.core.spec.ConstructionProbe' is not allowed; remove it, a model file holds only"
                        + " plain values, lists and mappings");
        assertThat(ConstructionProbe.instances).isZero();
    }

    @Test
    void customTagIsRejected() {
        assertThat(Tutorial.errorOf(Tutorial.with("classes: 10", "classes: !count 10")))
                .isEqualTo(
                        "mnist.yaml:3:10: YAML tag '!count' is not allowed; remove it, a model file holds only plain values,"
                                + " lists and mappings");
    }

    @Test
    void duplicateKey() {
        assertThat(Tutorial.errorOf(Tutorial.with("classes: 10\n", "classes: 10\nclasses: 12\n")))
                .isEqualTo(
                        "mnist.yaml:4:1: duplicate key 'classes' at the top level, first written at line 3, column 1; keep"
                                + " only one of them");
        assertThat(Tutorial.errorsOf(Tutorial.with("kernel: 5}", "kernel: 5, kernel: 3}")))
                .containsExactly(
                        "mnist.yaml:5:38: duplicate key 'kernel' in conv2d (layer 1), first written at line 5, column 27;"
                                + " keep only one of them",
                        "mnist.yaml:7:38: duplicate key 'kernel' in conv2d (layer 3), first written at line 7, column 27;"
                                + " keep only one of them",
                        "mnist.yaml:10:38: duplicate key 'kernel' in conv2d (layer 6), first written at line 10, column"
                                + " 27; keep only one of them");
    }

    @Test
    void wrongType() {
        assertThat(Tutorial.errorOf(Tutorial.with("{filters: 16,", "{filters: sixteen,")))
                .isEqualTo("mnist.yaml:5:23: 'filters' of conv2d (layer 1) must be a whole number, but was 'sixteen'");
    }

    @Test
    void wrongTypeOfANumber() {
        assertThat(Tutorial.errorOf(Tutorial.with("learningRate: 0.0002", "learningRate: fast")))
                .isEqualTo(
                        "mnist.yaml:24:36: 'learningRate' of training.optimizer.adam must be a number, but was 'fast'");
    }

    @Test
    void listInsteadOfAMapping() {
        assertThat(Tutorial.errorOf(Tutorial.with("{channels: 1, height: 28, width: 28}", "[1, 28, 28]")))
                .isEqualTo("mnist.yaml:2:8: 'input' must be a mapping like {channels: 1, height: 28, width: 28},"
                        + " but was a list");
    }

    @Test
    void missingField() {
        assertThat(Tutorial.errorOf(Tutorial.with(", width: 28}", "}")))
                .isEqualTo("mnist.yaml:2:8: input is missing 'width'; add it, e.g. width: 28");
        assertThat(Tutorial.errorOf(Tutorial.with(",  labels: data/mnist/t10k-labels-idx1-ubyte.gz}", "}")))
                .isEqualTo("mnist.yaml:20:10: data.test is missing 'labels'; add it, e.g."
                        + " labels: t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void missingTopLevelKey() {
        assertThat(Tutorial.errorOf(Tutorial.with("classes: 10\n", "")))
                .isEqualTo("mnist.yaml:1:1: the model file is missing 'classes'; add it, e.g. classes: 10");
    }

    @Test
    void missingRequiredLayerParameter() {
        assertThat(Tutorial.errorOf(Tutorial.with("  - linear: {units: 100}", "  - linear")))
                .isEqualTo("mnist.yaml:14:5: linear (layer 10) is missing 'units'; add it, e.g. units: 10");
    }

    @Test
    void nonPositiveSize() {
        assertThat(Tutorial.errorsOf(Tutorial.with("- maxpool: {kernel: 2,", "- maxpool: {kernel: 0,")))
                .containsExactly(
                        "mnist.yaml:9:23: 'kernel' of maxpool (layer 5) must be a positive whole number, but was 0",
                        "mnist.yaml:12:23: 'kernel' of maxpool (layer 8) must be a positive whole number, but was 0");
        assertThat(Tutorial.errorsOf(Tutorial.with("kernel: 5}", "kernel: 5, padding: -1}")))
                .containsExactly(
                        "mnist.yaml:5:47: 'padding' of conv2d (layer 1) must be zero or a positive whole number, but was -1",
                        "mnist.yaml:7:47: 'padding' of conv2d (layer 3) must be zero or a positive whole number, but was -1",
                        "mnist.yaml:10:47: 'padding' of conv2d (layer 6) must be zero or a positive whole number, but was"
                                + " -1");
    }

    @Test
    void numberTooLarge() {
        assertThat(Tutorial.errorOf(Tutorial.with("epochs: 10", "epochs: 99999999999")))
                .isEqualTo(
                        "mnist.yaml:22:11: 'epochs' of training must be a positive whole number no larger than 2147483647,"
                                + " but was 99999999999");
    }

    @Test
    void tooFewClasses() {
        assertThat(Tutorial.errorOf(Tutorial.with("classes: 10", "classes: 1")))
                .isEqualTo("mnist.yaml:3:10: 'classes' must be a whole number of at least 2, but was 1");
    }

    @Test
    void dropoutRateOutOfRange() {
        assertThat(Tutorial.errorOf(Tutorial.with("  - flatten\n", "  - flatten\n  - dropout: {rate: 1.0}\n")))
                .isEqualTo("mnist.yaml:14:21: 'rate' of dropout (layer 10) must be at least 0 and less than 1,"
                        + " but was 1.0");
    }

    @Test
    void unknownKeyWithSuggestion() {
        assertThat(Tutorial.errorOf(Tutorial.with("{filters: 16,", "{filter: 16,")))
                .isEqualTo("mnist.yaml:5:14: unknown key 'filter' in conv2d (layer 1); did you mean 'filters'?"
                        + " Valid keys: filters, kernel, stride, padding, dilation, groups, bias");
    }

    @Test
    void unknownKeyWithoutSuggestion() {
        assertThat(Tutorial.errorOf(Tutorial.with("width: 28}", "width: 28, colour: grey}")))
                .isEqualTo("mnist.yaml:2:45: unknown key 'colour' in input; valid keys: channels, height, width");
    }

    @Test
    void unknownTopLevelKey() {
        assertThat(Tutorial.errorOf(Tutorial.with("layers:", "layer:")))
                .isEqualTo("mnist.yaml:4:1: unknown key 'layer' at the top level; did you mean 'layers'?"
                        + " Valid keys: name, input, classes, layers, data, training");
    }

    @Test
    void unknownLayerType() {
        assertThat(Tutorial.errorOf(Tutorial.with("- conv2d: {filters: 16", "- conv: {filters: 16")))
                .isEqualTo(
                        "mnist.yaml:5:5: unknown layer type 'conv' (layer 1); did you mean 'conv2d'? Valid layer types:"
                                + " conv2d, maxpool, avgpool, relu, sigmoid, tanh, flatten, linear, dropout, batchnorm,"
                                + " gelu, silu, leakyRelu, globalAvgPool, globalMaxPool, torchscript, residual, repeat");
    }

    @Test
    void layerWithItsParametersNotIndented() {
        String text = Tutorial.with("  - conv2d: {filters: 32, kernel: 5}\n", """
                  - conv2d:
                    filters: 32
                    kernel: 5
                """);

        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:7:5: layer 3 has 3 keys (conv2d, filters, kernel)"
                        + " but must have exactly one, with any parameters inside its value; write it as '- relu' or"
                        + " '- conv2d: {filters: 16, kernel: 5}'");
    }

    @Test
    void layerWrittenAsAList() {
        assertThat(Tutorial.errorOf(Tutorial.with("  - flatten\n", "  - [flatten]\n")))
                .isEqualTo(
                        "mnist.yaml:13:5: layer 9 must be written as '- relu' or '- conv2d: {filters: 16, kernel: 5}',"
                                + " but was a list");
    }

    @Test
    void layerParametersNotAMapping() {
        assertThat(Tutorial.errorOf(Tutorial.with("- linear: {units: 100}", "- linear: 100")))
                .isEqualTo("mnist.yaml:14:13: the parameters of linear (layer 10) must be a mapping like {units: 10},"
                        + " but was '100'");
    }

    @Test
    void parameterlessLayerWithParameters() {
        assertThat(Tutorial.errorOf(Tutorial.with("  - flatten\n", "  - flatten: {startDim: 1}\n")))
                .isEqualTo("mnist.yaml:13:15: flatten (layer 9) takes no parameters, but was given 'startDim';"
                        + " write it as '- flatten'");
    }

    @Test
    void emptyLayerList() {
        String text = Tutorial.text().replaceAll("(?s)layers:.*data:", "layers: []\ndata:");

        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:4:9: 'layers' is empty; add at least one layer, e.g. '- linear: {units: 10}'");
    }

    @Test
    void badName() {
        assertThat(Tutorial.errorOf(Tutorial.with("name: mnist-cnn", "name: mnist cnn/v2")))
                .isEqualTo(
                        "mnist.yaml:1:7: 'name' must start with a letter or digit and hold only letters, digits, '.', '_'"
                                + " and '-', as it becomes a directory name, but was 'mnist cnn/v2'; e.g. name: mnist-cnn");
    }

    @Test
    void unknownOptimizer() {
        assertThat(Tutorial.errorOf(Tutorial.with("{adam: {", "{adan: {")))
                .isEqualTo("mnist.yaml:24:15: unknown optimizer 'adan'; did you mean 'adam'? Valid optimizers: adam,"
                        + " adamw, sgd");
    }

    @Test
    void twoOptimizers() {
        assertThat(Tutorial.errorOf(Tutorial.with("0.0002}}", "0.0002}, sgd: {}}")))
                .isEqualTo(
                        "mnist.yaml:24:14: 'optimizer' of training has 2 keys (adam, sgd) but must have exactly one, with"
                                + " any parameters inside its value; write it as 'adam' or"
                                + " '{sgd: {learningRate: 0.1, momentum: 0.9}}'");
    }

    @Test
    void nonPositiveLearningRate() {
        assertThat(Tutorial.errorOf(Tutorial.with("learningRate: 0.0002", "learningRate: 0")))
                .isEqualTo(
                        "mnist.yaml:24:36: 'learningRate' of training.optimizer.adam must be a positive number, but was 0");
    }

    @Test
    void unknownDevice() {
        assertThat(Tutorial.errorOf(Tutorial.with("device: auto", "device: cuda")))
                .isEqualTo(
                        "mnist.yaml:27:11: 'device' of training must be one of auto, cpu, gpu or gpu:0, but was 'cuda'");
    }

    @Test
    void devicesMustBeAllOrACount() {
        assertThat(Tutorial.errorOf(Tutorial.with("  device: auto\n", "  device: auto\n  devices: every\n")))
                .isEqualTo("mnist.yaml:28:12: 'devices' of training must be 'all' or a number of GPUs such as 2,"
                        + " but was 'every'");
    }

    @Test
    void severalDevicesNeedAutoOrGpu() {
        assertThat(Tutorial.errorOf(Tutorial.with("  device: auto\n", "  device: gpu:1\n  devices: 2\n")))
                .isEqualTo("mnist.yaml:28:12: devices: 2 trains on several GPUs, which needs device auto or gpu,"
                        + " not gpu:1; remove devices or use device: gpu");
    }

    @Test
    void validationMetricWithoutValidationSplit() {
        assertThat(Tutorial.errorOf(withEarlyStopping("{metric: validationLoss, patience: 3}")))
                .isEqualTo(
                        "mnist.yaml:28:27: 'metric' of training.earlyStopping is validationLoss, which is measured on a"
                                + " validation set, but training holds none out; add e.g. 'validationSplit: 0.1' to training");
    }

    @Test
    void unknownTestPassWithSuggestion() {
        assertThat(Tutorial.errorOf(Tutorial.with("  device: auto\n", "  device: auto\n  testPass: everyEpochs\n")))
                .isEqualTo("mnist.yaml:28:13: 'testPass' of training must be one of end or everyEpoch, but was"
                        + " 'everyEpochs'; did you mean 'everyEpoch'?");
    }

    @Test
    void unknownEarlyStoppingMetricWithSuggestion() {
        assertThat(Tutorial.errorOf(withEarlyStopping("{metric: testLos, patience: 3}")))
                .isEqualTo("mnist.yaml:28:27: 'metric' of training.earlyStopping must be one of validationLoss,"
                        + " validationAccuracy, testLoss or testAccuracy, but was 'testLos'; did you mean 'testLoss'?");
    }

    @Test
    void unknownEarlyStoppingKeyWithSuggestion() {
        assertThat(Tutorial.errorOf(withEarlyStopping("{metric: testLoss, patient: 3}")))
                .isEqualTo("mnist.yaml:28:37: unknown key 'patient' in training.earlyStopping; did you mean 'patience'?"
                        + " Valid keys: metric, patience, minDelta");
    }

    @Test
    void earlyStoppingWithoutPatience() {
        assertThat(Tutorial.errorOf(withEarlyStopping("{metric: testLoss}")))
                .isEqualTo("mnist.yaml:28:18: training.earlyStopping is missing 'patience'; add it, e.g. patience: 3");
    }

    @Test
    void earlyStoppingWithZeroPatienceOrNegativeMinDelta() {
        assertThat(Tutorial.errorOf(withEarlyStopping("{metric: testLoss, patience: 0}")))
                .isEqualTo(
                        "mnist.yaml:28:47: 'patience' of training.earlyStopping must be a positive whole number, but was 0");
        assertThat(Tutorial.errorOf(withEarlyStopping("{metric: testLoss, patience: 2, minDelta: -0.1}")))
                .isEqualTo("mnist.yaml:28:60: 'minDelta' of training.earlyStopping must be zero or a positive"
                        + " number, but was -0.1");
    }

    @Test
    void earlyStoppingThatIsNotAMapping() {
        assertThat(Tutorial.errorOf(withEarlyStopping("validationLoss")))
                .isEqualTo("mnist.yaml:28:18: 'earlyStopping' of training must be a mapping like"
                        + " {metric: validationLoss, patience: 3}, but was 'validationLoss'");
    }

    @Test
    void validationSplitOutOfRange() {
        assertThat(Tutorial.errorOf(Tutorial.with("  device: auto\n", "  device: auto\n  validationSplit: 1\n")))
                .isEqualTo("mnist.yaml:28:20: 'validationSplit' of training must be at least 0 and less than 1,"
                        + " but was 1");
        assertThat(Tutorial.errorOf(Tutorial.with("  device: auto\n", "  device: auto\n  validationSplit: ten\n")))
                .isEqualTo("mnist.yaml:28:20: 'validationSplit' of training must be a number, but was 'ten'");
    }

    @Test
    void unknownTrainingKeySuggestsAndListsTheNewKeys() {
        assertThat(Tutorial.errorOf(Tutorial.with("  device: auto\n", "  device: auto\n  validation: 0.1\n")))
                .isEqualTo("mnist.yaml:28:3: unknown key 'validation' in training; did you mean 'validationSplit'?"
                        + " Valid keys: epochs, batchSize, optimizer, loss, seed, device, devices,"
                        + " validationSplit, earlyStopping, testPass, schedule, labelSmoothing, classWeights,"
                        + " gradientClipping");
    }

    private static String withEarlyStopping(String value) {
        return Tutorial.with("  device: auto\n", "  device: auto\n  earlyStopping: " + value + "\n");
    }

    @Test
    void unsupportedLossWithSuggestion() {
        assertThat(Tutorial.errorOf(Tutorial.with("loss: softmaxCrossEntropy", "loss: softmax")))
                .isEqualTo("mnist.yaml:25:9: 'loss' of training must be 'softmaxCrossEntropy', but was 'softmax';"
                        + " did you mean 'softmaxCrossEntropy'?");
    }

    @Test
    void unsupportedDataFormat() {
        assertThat(Tutorial.errorOf(Tutorial.with("format: idx", "format: tfrecord")))
                .isEqualTo("mnist.yaml:18:11: 'format' of data must be one of idx, folder or csv, but was 'tfrecord'");
    }

    @Test
    void emptyDataPath() {
        assertThat(Tutorial.errorOf(Tutorial.with("{images: data/mnist/train-images-idx3-ubyte.gz,", "{images: '',")))
                .isEqualTo("mnist.yaml:19:19: 'images' of data.train must be a file path, but was ''");
    }

    @Test
    void inputTooLarge() {
        assertThat(Tutorial.errorOf(Tutorial.with(
                        "channels: 1, height: 28, width: 28", "channels: 1000, height: 100000, width: 100000")))
                .isEqualTo(
                        "mnist.yaml:2:8: input 1000x100000x100000 has more than 2147483647 values; use smaller images");
    }

    @Test
    void emptyFile() {
        assertThat(Tutorial.errorOf("# nothing yet\n"))
                .isEqualTo(
                        "mnist.yaml:1:1: the model file is empty; write the keys name, input, classes, layers, data and"
                                + " training");
    }

    @Test
    void fileThatIsNotAMapping() {
        assertThat(Tutorial.errorOf("- conv2d\n- relu\n"))
                .isEqualTo(
                        "mnist.yaml:1:1: the model file must be a mapping with the keys name, input, classes, layers, data"
                                + " and training, but was a list");
    }
}

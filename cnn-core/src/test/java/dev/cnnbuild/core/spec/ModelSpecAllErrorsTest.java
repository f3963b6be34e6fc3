package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model file with several independent mistakes gives all of them in one run, in file order, each located and
 * with its fix; a mistake gives no follow-up errors.
 */
class ModelSpecAllErrorsTest {

    @Test
    void independentErrorsAreAllReportedInFileOrder() {
        String text = Tutorial.text()
                .replace("- conv2d: {filters: 16, kernel: 5}", "- conv2d: {filters: 16, kernel: 5, strides: 2}")
                .replace("- conv2d: {filters: 32, kernel: 5}", "- conv2d: {filters: many, kernel: 5}")
                .replace("  epochs: 10\n", "");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly(
                        "mnist.yaml:5:38: unknown key 'strides' in conv2d (layer 1); did you mean 'stride'? Valid"
                                + " keys: filters, kernel, stride, padding, dilation, groups, bias",
                        "mnist.yaml:7:23: 'filters' of conv2d (layer 3) must be a whole number, but was 'many'",
                        "mnist.yaml:22:3: training is missing 'epochs'; add it, e.g. epochs: 10");
    }

    @Test
    void aMisspelledKeyIsReadAsTheKeyItSuggestsSoItIsNotAlsoMissing() {
        assertThat(Tutorial.errorsOf(Tutorial.with("{filters: 16, kernel: 5}", "{filter: 16, kernel: 5}")))
                .containsExactly("mnist.yaml:5:14: unknown key 'filter' in conv2d (layer 1); did you mean 'filters'?"
                        + " Valid keys: filters, kernel, stride, padding, dilation, groups, bias");
        assertThat(Tutorial.errorsOf(Tutorial.with("{filters: 16, kernel: 5}", "{filter: sixteen, kernel: 5}")))
                .containsExactly(
                        "mnist.yaml:5:14: unknown key 'filter' in conv2d (layer 1); did you mean 'filters'? Valid"
                                + " keys: filters, kernel, stride, padding, dilation, groups, bias",
                        "mnist.yaml:5:22: 'filters' of conv2d (layer 1) must be a whole number, but was 'sixteen'");
    }

    @Test
    void everyWrongParameterOfALayerIsReported() {
        String text = Tutorial.with("- conv2d: {filters: 16, kernel: 5}", "- conv2d: {filters: many, kernel: 0}")
                .replace(
                        "- maxpool: {kernel: 2, stride: 2}\n  - conv2d",
                        "- maxpool: {kernel: x, stride: 0}\n  - conv2d");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly(
                        "mnist.yaml:5:23: 'filters' of conv2d (layer 1) must be a whole number, but was 'many'",
                        "mnist.yaml:5:37: 'kernel' of conv2d (layer 1) must be a positive whole number, but was 0",
                        "mnist.yaml:9:23: 'kernel' of maxpool (layer 5) must be a whole number, but was 'x'",
                        "mnist.yaml:9:34: 'stride' of maxpool (layer 5) must be a positive whole number, but was 0");
    }

    @Test
    void everyWrongTrainingSettingIsReported() {
        String text = Tutorial.with("epochs: 10", "epochs: 0").replace("seed: 42", "seed: -1");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly(
                        "mnist.yaml:22:11: 'epochs' of training must be a positive whole number, but was 0",
                        "mnist.yaml:26:9: 'seed' of training must be zero or a positive whole number, but was -1");
    }

    @Test
    void shapesAreInferredOnlyWhenTheFileParsed() {
        // layer 10's units are wrong, and the last layer's units no longer match 'classes: 3': only the first is an
        // error, since the classes are checked against the layers only once the file is read whole
        String text = Tutorial.with("{units: 100}", "{units: lots}").replace("classes: 10", "classes: 3");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly(
                        "mnist.yaml:14:21: 'units' of linear (layer 10) must be a whole number, but was" + " 'lots'");
    }

    @Test
    void oneBadLayerGivesOneErrorNotOneForEveryLayerAfterIt() {
        String text = Tutorial.with("- conv2d: {filters: 16, kernel: 5}", "- conv2d: {filters: 16, kernel: 50}");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly("mnist.yaml:5:5: layer 1 (conv2d): kernel 50x50 is larger than its input 1x28x28"
                        + " (with padding 0); use a smaller kernel, add padding, or remove a pooling layer before it");
    }

    @Test
    void dataIsReadOnlyWhenTheClassesItIsCountedAgainstAreValid() {
        String text = Tutorial.with("classes: 10", "classes: ten")
                .replace("  format: idx\n", "  format: idx\n  classNames: [a, b]\n");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly("mnist.yaml:3:10: 'classes' must be a whole number, but was 'ten'");
    }

    @Test
    void earlyStoppingIsReadOnlyWhenTheValidationSplitIsValid() {
        String text = Tutorial.with(
                "  device: auto", "  device: auto\n  validationSplit: 2\n  earlyStopping: {metric: validationLoss}");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly("mnist.yaml:28:20: 'validationSplit' of training must be at least 0 and less than 1,"
                        + " but was 2");
    }

    @Test
    void everyUnknownTopLevelKeyAndDuplicateIsReported() {
        String text = "colour: red\n" + Tutorial.text().replace("classes: 10\n", "classes: 10\nclasses: 10\n");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly(
                        "mnist.yaml:1:1: unknown key 'colour' at the top level; valid keys: name, input, classes,"
                                + " layers, data, training",
                        "mnist.yaml:5:1: duplicate key 'classes' at the top level, first written at line 4, column 1;"
                                + " keep only one of them");
    }

    @Test
    void aFileOfThousandsOfErrorsListsTheFirstHundredAndCountsTheRest() {
        StringBuilder text = new StringBuilder(Tutorial.text());
        for (int i = 0; i < 5000; i++) {
            text.append("key").append(i).append(": 1\n");
        }

        List<String> errors = Tutorial.errorsOf(text.toString());

        assertThat(errors).hasSize(SpecException.MAX_ERRORS + 1);
        assertThat(errors.get(0)).startsWith("mnist.yaml:28:1: unknown key 'key0' at the top level");
        assertThat(errors.get(SpecException.MAX_ERRORS))
                .isEqualTo("... and 4900 more errors in mnist.yaml; fix these first");
    }

    @Test
    void everyWrongOptimizerSettingIsReported() {
        assertThat(Tutorial.errorsOf(Tutorial.with(
                        "{adam: {learningRate: 0.0002}}", "{adam: {learningRate: -1, beta1: 1, epsilon: zero}}")))
                .containsExactly(
                        "mnist.yaml:24:36: 'learningRate' of training.optimizer.adam must be a positive number, but"
                                + " was -1",
                        "mnist.yaml:24:47: 'beta1' of training.optimizer.adam must be at least 0 and less than 1, but"
                                + " was 1",
                        "mnist.yaml:24:59: 'epsilon' of training.optimizer.adam must be a number, but was 'zero'");
        assertThat(Tutorial.errorsOf(Tutorial.with(
                        "{adam: {learningRate: 0.0002}}", "{sgd: {momentm: 1.5, weightDecay: -0.1, dampening: 0.1}}")))
                .containsExactly(
                        "mnist.yaml:24:21: unknown key 'momentm' in training.optimizer.sgd; did you mean 'momentum'?"
                                + " Valid keys: learningRate, momentum, nesterov, weightDecay",
                        "mnist.yaml:24:30: 'momentum' of training.optimizer.sgd must be at least 0 and less than 1,"
                                + " but was 1.5",
                        "mnist.yaml:24:48: 'weightDecay' of training.optimizer.sgd must be zero or a positive number,"
                                + " but was -0.1",
                        "mnist.yaml:24:54: unknown key 'dampening' in training.optimizer.sgd; valid keys: learningRate,"
                                + " momentum, nesterov, weightDecay");
    }

    @Test
    void everyWrongEarlyStoppingSettingIsReported() {
        String text = Tutorial.with(
                "  device: auto",
                "  device: auto\n  validationSplit: 0.1\n  earlyStopping: {metric: loss, patience: 0, minDelta: -1}");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly(
                        "mnist.yaml:29:27: 'metric' of training.earlyStopping must be one of validationLoss,"
                                + " validationAccuracy, testLoss or testAccuracy, but was 'loss'",
                        "mnist.yaml:29:43: 'patience' of training.earlyStopping must be a positive whole number, but"
                                + " was 0",
                        "mnist.yaml:29:56: 'minDelta' of training.earlyStopping must be zero or a positive number, but"
                                + " was -1");
    }

    @Test
    void anUnknownKeyWhereARequiredKeyIsMissingIsOneErrorThatSaysBoth() {
        // 'size' is not close to any key of conv2d, which lacks 'kernel': one error at 'size', not also a missing
        // 'kernel'; the value of 'size' is not read, since what it was meant as is a guess
        assertThat(Tutorial.errorsOf(Tutorial.with("{filters: 16, kernel: 5}", "{filters: 16, size: five}")))
                .containsExactly(
                        "mnist.yaml:5:27: unknown key 'size' in conv2d (layer 1), which needs 'kernel' (kernel"
                                + " size); write 'kernel' instead of 'size'. Valid keys: filters, kernel, stride, padding, dilation, groups, bias");
        assertThat(Tutorial.errorsOf(Tutorial.with("  epochs: 10\n", "  passes: 10\n")))
                .containsExactly("mnist.yaml:22:3: unknown key 'passes' in training, which needs 'epochs' (passes over"
                        + " the training set); write 'epochs' instead of 'passes'. Valid keys: epochs, batchSize,"
                        + " optimizer, loss, seed, device, devices, validationSplit, earlyStopping, testPass, schedule,"
                        + " labelSmoothing, classWeights, gradientClipping");
    }

    @Test
    void onlyTheFirstOfSeveralUnknownKeysSaysWhatIsMissing() {
        assertThat(Tutorial.errorsOf(Tutorial.with("{filters: 16, kernel: 5}", "{size: 5, colour: red}")))
                .containsExactly(
                        "mnist.yaml:5:14: unknown key 'size' in conv2d (layer 1), which needs 'filters' (output"
                                + " channels) and 'kernel' (kernel size); write them instead of 'size'. Valid keys:"
                                + " filters, kernel, stride, padding, dilation, groups, bias",
                        "mnist.yaml:5:23: unknown key 'colour' in conv2d (layer 1); valid keys: filters, kernel,"
                                + " stride, padding, dilation, groups, bias");
    }
}

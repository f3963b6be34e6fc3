package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The training recipe's keys read into their records, and every mistake in them gives one exact, located error. */
class RecipeSpecTest {

    private static String training(String extra) {
        return Tutorial.with("  device: auto\n", "  device: auto\n" + extra);
    }

    private static String optimizer(String optimizer) {
        return Tutorial.with("{adam: {learningRate: 0.0002}}", optimizer);
    }

    private static TrainingSpec parse(String text) throws SpecException {
        return Tutorial.parse(text).training();
    }

    @Test
    void withoutRecipeKeysTrainingIsAsBefore() throws SpecException {
        TrainingSpec training = parse(Tutorial.text());

        assertThat(training.schedule()).isNull();
        assertThat(training.labelSmoothing()).isZero();
        assertThat(training.classWeights()).isNull();
        assertThat(training.gradientClipping()).isNull();
    }

    @Test
    void adamwTakesPyTorchsDefaults() throws SpecException {
        assertThat(parse(optimizer("adamw")).optimizer()).isEqualTo(new AdamWOptimizer(0.001, 0.9, 0.999, 1e-8, 0.01));
        assertThat(parse(optimizer("{adamw: {learningRate: 0.003, weightDecay: 0.05, betas: [0.85, 0.99]}}"))
                        .optimizer())
                .isEqualTo(new AdamWOptimizer(0.003, 0.85, 0.99, 1e-8, 0.05));
    }

    @Test
    void sgdReadsNesterov() throws SpecException {
        assertThat(parse(optimizer("{sgd: {learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 5e-4}}"))
                        .optimizer())
                .isEqualTo(new SgdOptimizer(0.1, 0.9, true, 5e-4));
        assertThat(parse(optimizer("sgd")).optimizer()).isEqualTo(new SgdOptimizer(0.01, 0, false, 0));
    }

    @Test
    void schedulesReadWithTheirDefaults() throws SpecException {
        assertThat(parse(training("  schedule: cosine\n")).schedule()).isEqualTo(new CosineSchedule(0, 0));
        assertThat(parse(training("  schedule: {cosine: {warmupEpochs: 0.5, minLearningRate: 1e-5}}\n"))
                        .schedule())
                .isEqualTo(new CosineSchedule(0.5, 1e-5));
        assertThat(parse(training("  schedule: {step: {every: 3}}\n")).schedule())
                .isEqualTo(new StepSchedule(3, 0.1, 0));
        assertThat(parse(training("  schedule: {multiStep: {milestones: [4, 8], factor: 0.5, warmupEpochs: 1}}\n"))
                        .schedule())
                .isEqualTo(new MultiStepSchedule(List.of(4, 8), 0.5, 1));
        assertThat(parse(training("  schedule: oneCycle\n")).schedule())
                .isEqualTo(new OneCycleSchedule(0.3, 3, true, 0.85, 0.95));
        assertThat(parse(training("  schedule: {oneCycle: {warmupEpochs: 2}}\n"))
                        .schedule())
                .isEqualTo(new OneCycleSchedule(0.2, 2, true, 0.85, 0.95));
    }

    @Test
    void oneCycleCyclesTheMomentumAsPyTorchUnlessTold() throws SpecException {
        assertThat(parse(training("  schedule: {oneCycle: {baseMomentum: 0.8, maxMomentum: 0.9}}\n"))
                        .schedule())
                .isEqualTo(new OneCycleSchedule(0.3, 3, true, 0.8, 0.9));
        assertThat(parse(training("  schedule: {oneCycle: {cycleMomentum: false}}\n"))
                        .schedule())
                .isEqualTo(new OneCycleSchedule(0.3, 3, false, 0.85, 0.95));
        String sgd = optimizer("{sgd: {learningRate: 0.1, momentum: 0.9}}");
        assertThat(parse(sgd.replace("  device: auto\n", "  device: auto\n  schedule: oneCycle\n"))
                        .schedule())
                .isEqualTo(new OneCycleSchedule(0.3, 3, true, 0.85, 0.95));
        // plain SGD has no momentum to cycle, and keeps none
        String plain = optimizer("{sgd: {learningRate: 0.1}}");
        assertThat(parse(plain.replace("  device: auto\n", "  device: auto\n  schedule: oneCycle\n"))
                        .schedule())
                .isEqualTo(new OneCycleSchedule(0.3, 3, false, 0.85, 0.95));
    }

    @Test
    void wrongMomentumsOfOneCycleAreLocated() {
        assertThat(Tutorial.errorsOf(training("  schedule: {oneCycle: {baseMomentum: 0.97}}\n")))
                .containsExactly(
                        "mnist.yaml:28:39: 'baseMomentum' of training.schedule.oneCycle is 0.97, above maxMomentum"
                                + " 0.95; the momentum falls from maxMomentum to baseMomentum while the rate rises,"
                                + " so make it at most maxMomentum");
        assertThat(Tutorial.errorsOf(training("  schedule: {oneCycle: {maxMomentum: 0.8}}\n")))
                .containsExactly(
                        "mnist.yaml:28:38: 'maxMomentum' of training.schedule.oneCycle is 0.8, below baseMomentum's"
                                + " default 0.85; the momentum falls from maxMomentum to baseMomentum while the rate"
                                + " rises, so raise it or give a smaller baseMomentum");
        assertThat(Tutorial.errorsOf(training("  schedule: {oneCycle: {maxMomentum: 1}}\n")))
                .containsExactly("mnist.yaml:28:38: 'maxMomentum' of training.schedule.oneCycle must be at least 0"
                        + " and less than 1, but was 1");
        assertThat(Tutorial.errorsOf(training("  schedule: {oneCycle: {cycleMomentum: false, baseMomentum: 0.8}}\n")))
                .containsExactly("mnist.yaml:28:61: 'baseMomentum' of training.schedule.oneCycle is given, but"
                        + " cycleMomentum is false; write cycleMomentum: true, or remove baseMomentum");
        String plain = optimizer("{sgd: {learningRate: 0.1}}");
        assertThat(Tutorial.errorsOf(plain.replace(
                        "  device: auto\n", "  device: auto\n  schedule: {oneCycle: {cycleMomentum: true}}\n")))
                .containsExactly("mnist.yaml:28:40: 'cycleMomentum' of training.schedule.oneCycle is true, but the"
                        + " optimizer sgd has no momentum to cycle; give it one, e.g. '{sgd: {momentum: 0.9}}', or"
                        + " remove cycleMomentum");
        assertThat(Tutorial.errorsOf(plain.replace(
                        "  device: auto\n", "  device: auto\n  schedule: {oneCycle: {maxMomentum: 0.9}}\n")))
                .containsExactly("mnist.yaml:28:38: 'maxMomentum' of training.schedule.oneCycle is given, but the"
                        + " optimizer sgd has no momentum, so none cycles; give it one, e.g. '{sgd: {momentum:"
                        + " 0.9}}', or remove maxMomentum");
    }

    @Test
    void lossAndClippingSettingsRead() throws SpecException {
        TrainingSpec training = parse(training(
                "  labelSmoothing: 0.1\n  classWeights: {'0': 2.0, '7': 0.5}\n  gradientClipping: {norm: 1.0}\n"));

        assertThat(training.labelSmoothing()).isEqualTo(0.1);
        assertThat(training.classWeights().balanced()).isFalse();
        assertThat(training.classWeights().weights())
                .extracting(ClassWeightsSpec.ClassWeight::className, ClassWeightsSpec.ClassWeight::weight)
                .containsExactly(tuple("0", 2.0), tuple("7", 0.5));
        assertThat(training.classWeights().weights().get(0).location())
                .isEqualTo(new SourceLocation(Tutorial.FILE, 29, 18));
        assertThat(training.gradientClipping()).isEqualTo(new GradientClippingSpec(1.0));
        assertThat(parse(training("  classWeights: balanced\n")).classWeights())
                .isEqualTo(new ClassWeightsSpec(true, List.of()));
    }

    @Test
    void optimizerMistakes() {
        assertThat(Tutorial.errorsOf(optimizer("{adamw: {betas: [0.9], weightDecay: -1}}")))
                .containsExactly(
                        "mnist.yaml:24:30: 'betas' of training.optimizer.adamw must list two decays, of the first"
                                + " and the second moment, such as [0.9, 0.999], but lists 1",
                        "mnist.yaml:24:50: 'weightDecay' of training.optimizer.adamw must be zero or a positive"
                                + " number, but was -1");
        assertThat(Tutorial.errorsOf(optimizer("{adamw: {betas: [0.9, 1.5]}}")))
                .containsExactly(
                        "mnist.yaml:24:36: 'betas' of training.optimizer.adamw must be at least 0 and less than 1,"
                                + " but was 1.5");
        assertThat(Tutorial.errorsOf(optimizer("{adamw: {betas: 0.9}}")))
                .containsExactly(
                        "mnist.yaml:24:30: 'betas' of training.optimizer.adamw must be a list of two decays such"
                                + " as [0.9, 0.999], but was '0.9'");
        assertThat(Tutorial.errorsOf(optimizer("{sgd: {nesterov: true}}")))
                .containsExactly("mnist.yaml:24:31: 'nesterov' of training.optimizer.sgd needs a momentum above 0, as"
                        + " PyTorch's SGD does; add e.g. 'momentum: 0.9' or remove 'nesterov'");
        assertThat(Tutorial.errorsOf(optimizer("{sgd: {momentum: 0.9, nesterov: yes}}")))
                .containsExactly("mnist.yaml:24:46: 'nesterov' of training.optimizer.sgd must be true or false, but was"
                        + " 'yes'");
    }

    @Test
    void scheduleMistakes() {
        assertThat(Tutorial.errorsOf(training("  schedule: cosin\n")))
                .containsExactly("mnist.yaml:28:13: unknown schedule 'cosin'; did you mean 'cosine'? Valid schedules:"
                        + " cosine, step, multiStep, oneCycle");
        assertThat(Tutorial.errorsOf(training("  schedule: {cosine: {warmupEpochs: 10}}\n")))
                .containsExactly(
                        "mnist.yaml:28:37: 'warmupEpochs' of training.schedule.cosine is 10, but training has 10"
                                + " epochs, so the warm-up would never end; make it less than 10 or raise 'epochs'");
        assertThat(Tutorial.errorsOf(training("  schedule: {cosine: {warmup: 1}}\n")))
                .containsExactly("mnist.yaml:28:23: unknown key 'warmup' in training.schedule.cosine; did you mean"
                        + " 'warmupEpochs'? Valid keys: warmupEpochs, minLearningRate");
        assertThat(Tutorial.errorsOf(training("  schedule: {cosine: {minLearningRate: 0.001}}\n")))
                .containsExactly("mnist.yaml:28:40: 'minLearningRate' of training.schedule.cosine is 0.001, but the"
                        + " optimizer's learningRate is 0.0002; the cosine falls from the learningRate to"
                        + " minLearningRate, so make it smaller");
        assertThat(Tutorial.errorsOf(training("  schedule: step\n")))
                .containsExactly("mnist.yaml:28:13: training.schedule.step is missing 'every'; add it, e.g. every: 10");
        assertThat(Tutorial.errorsOf(training("  schedule: {step: {every: 10}}\n")))
                .containsExactly(
                        "mnist.yaml:28:28: 'every' of training.schedule.step is 10, but training has 10 epochs, so"
                                + " the rate would never change; make it less than 10 or raise 'epochs'");
        assertThat(Tutorial.errorsOf(training("  schedule: {multiStep: {milestones: [5, 3, 12]}}\n")))
                .containsExactly(
                        "mnist.yaml:28:42: 'milestones' of training.schedule.multiStep lists 3 after 5; list the"
                                + " epochs in ascending order, each once",
                        "mnist.yaml:28:45: 'milestones' of training.schedule.multiStep lists 12, but training has"
                                + " 10 epochs, so that change would never happen; make it less than 10 or raise 'epochs'");
        assertThat(Tutorial.errorsOf(training("  schedule: {multiStep: {milestones: []}}\n")))
                .containsExactly(
                        "mnist.yaml:28:38: 'milestones' of training.schedule.multiStep is empty; list the epochs"
                                + " after which the rate changes, such as [30, 40]");
        assertThat(Tutorial.errorsOf(training("  schedule: {oneCycle: {warmupEpochs: 11}}\n")))
                .containsExactly(
                        "mnist.yaml:28:39: 'warmupEpochs' of training.schedule.oneCycle is 11, but training has 10"
                                + " epochs, so the rate would never fall; make it less than 10 or raise 'epochs'");
        assertThat(Tutorial.errorsOf(training("  schedule: {oneCycle: {warmupEpochs: 0}}\n")))
                .containsExactly(
                        "mnist.yaml:28:39: 'warmupEpochs' of training.schedule.oneCycle must be a positive number,"
                                + " but was 0");
    }

    @Test
    void lossAndClippingMistakes() {
        assertThat(Tutorial.errorsOf(training("  labelSmoothing: 1\n")))
                .containsExactly(
                        "mnist.yaml:28:19: 'labelSmoothing' of training must be at least 0 and less than 1, but"
                                + " was 1");
        assertThat(Tutorial.errorsOf(training("  classWeights: balance\n")))
                .containsExactly(
                        "mnist.yaml:28:17: 'classWeights' of training must be 'balanced', but was 'balance'; did"
                                + " you mean 'balanced'?");
        assertThat(Tutorial.errorsOf(training("  classWeights: {}\n")))
                .containsExactly(
                        "mnist.yaml:28:17: 'classWeights' of training names no class; write 'balanced' or weights"
                                + " by class name, such as {cat: 2.0, dog: 1.0}");
        assertThat(Tutorial.errorsOf(training("  classWeights: {cat: 0, dog: many}\n")))
                .containsExactly(
                        "mnist.yaml:28:23: 'cat' of training.classWeights must be a positive number, but was 0",
                        "mnist.yaml:28:31: 'dog' of training.classWeights must be a number, but was 'many'");
        assertThat(Tutorial.errorsOf(training("  classWeights: {cat: 1, cat: 2}\n")))
                .containsExactly(
                        "mnist.yaml:28:26: class 'cat' is weighed twice in 'classWeights' of training; keep one"
                                + " weight");
        assertThat(Tutorial.errorsOf(training("  gradientClipping: 1.0\n")))
                .containsExactly(
                        "mnist.yaml:28:21: 'gradientClipping' of training must be a mapping like {norm: 1.0}, but"
                                + " was '1.0'");
        assertThat(Tutorial.errorsOf(training("  gradientClipping: {norm: 0}\n")))
                .containsExactly(
                        "mnist.yaml:28:28: 'norm' of training.gradientClipping must be a positive number, but was 0");
        assertThat(Tutorial.errorsOf(training("  gradientClipping: {max: 1}\n")))
                .containsExactly("mnist.yaml:28:22: unknown key 'max' in training.gradientClipping, which needs 'norm'"
                        + " (largest L2 norm of all gradients together); write 'norm' instead of 'max'");
    }

    @Test
    void clippingOnSeveralDevicesIsRefused() {
        assertThat(Tutorial.errorsOf(Tutorial.with(
                        "  device: auto\n", "  device: gpu\n  devices: 2\n  gradientClipping: {norm: 1}\n")))
                .containsExactly("mnist.yaml:29:21: 'gradientClipping' of training clips the gradients on one device,"
                        + " but 'devices' is 2, which trains data-parallel; remove 'devices' or 'gradientClipping'");
    }

    @Test
    void aScheduleIsNotCheckedAgainstEpochsThatAreWrong() {
        assertThat(Tutorial.errorsOf(
                        Tutorial.with("  epochs: 10\n", "  epochs: 0\n  schedule: {cosine: {warmupEpochs: 20}}\n")))
                .containsExactly("mnist.yaml:22:11: 'epochs' of training must be a positive whole number, but was 0");
    }
}

package dev.cnnbuild.test;

import static dev.cnnbuild.test.error.ShouldBeNoWorseThanBaseline.shouldBeNoWorseThanBaseline;
import static dev.cnnbuild.test.error.ShouldClassifyAs.shouldClassifyAs;
import static dev.cnnbuild.test.error.ShouldClassifyWithConfidenceAbove.shouldClassifyWithConfidenceAbove;
import static dev.cnnbuild.test.error.ShouldConfuseAtMost.shouldConfuseAtMost;
import static dev.cnnbuild.test.error.ShouldHaveAccuracy.shouldHaveAccuracyAbove;
import static dev.cnnbuild.test.error.ShouldHaveAccuracy.shouldHaveAccuracyAtLeast;
import static dev.cnnbuild.test.error.ShouldHaveClassAccuracyAbove.shouldHaveClassAccuracyAbove;
import static dev.cnnbuild.test.error.ShouldHaveClassMetricAbove.shouldHaveF1Above;
import static dev.cnnbuild.test.error.ShouldHaveClassMetricAbove.shouldHavePrecisionAbove;
import static dev.cnnbuild.test.error.ShouldHaveEveryClassAccuracyAbove.shouldHaveEveryClassAccuracyAbove;
import static dev.cnnbuild.test.error.ShouldHaveLatencyBelow.shouldHaveLatencyBelow;
import static dev.cnnbuild.test.error.ShouldHaveLossBelow.shouldHaveLossBelow;
import static dev.cnnbuild.test.error.ShouldHaveMacroMetricAbove.shouldHaveMacroF1Above;
import static dev.cnnbuild.test.error.ShouldHaveMacroMetricAbove.shouldHaveMacroPrecisionAbove;
import static dev.cnnbuild.test.error.ShouldHaveMacroMetricAbove.shouldHaveMacroRecallAbove;
import static dev.cnnbuild.test.error.ShouldHaveParameterCountBelow.shouldHaveParameterCountBelow;
import static dev.cnnbuild.test.error.ShouldKeepAccuracyAbove.shouldKeepAccuracyAbove;

import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.evaluation.Latency;
import dev.cnnbuild.core.evaluation.Prediction;
import dev.cnnbuild.core.robustness.GaussianNoise;
import dev.cnnbuild.core.robustness.ImagePerturbation;
import dev.cnnbuild.core.robustness.PixelShift;
import dev.cnnbuild.core.rules.Baseline;
import dev.cnnbuild.core.rules.GateResult;
import dev.cnnbuild.core.rules.MetricSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a trained {@link CnnModel}: accuracy, per-class figures, loss, confusions, single predictions,
 * robustness, size and latency budgets, and regression against a baseline. Every figure is measured by running the
 * model in this JVM on its test set (the one its YAML names) unless {@link #evaluatedOn(TestSet)} names another;
 * the evaluation runs once per model and set, so any number of assertions cost one pass.
 *
 * <p>Bars are exclusive ("above", "below") except where the name says "at least" or "at most". Failure messages give
 * every measured figure to four decimals and every bar as it was written, and say what explains the failure. Extend
 * this class to add assertions of your own, as AssertJ's custom assertions do.
 *
 * <pre>{@code
 * assertThat(model).hasTestAccuracyAbove(0.98)
 *                  .everyClassHasAccuracyAbove(0.95)
 *                  .hasMacroF1Above(0.98)
 *                  .confusesAtMost(4, 9, 0.02);
 * }</pre>
 *
 * @param <SELF> the concrete assertion type, returned by each assertion for chaining
 * @param <ACTUAL> the model type
 */
public abstract class AbstractCnnModelAssert<SELF extends AbstractCnnModelAssert<SELF, ACTUAL>, ACTUAL extends CnnModel>
        extends AbstractAssert<SELF, ACTUAL> {
    private TestSet testSet;

    /**
     * Creates the assertion.
     *
     * @param actual the model
     * @param selfType the concrete assertion class
     */
    protected AbstractCnnModelAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Makes the following assertions of this chain measure the model on {@code set} instead of its own test set.
     *
     * <pre>{@code
     * assertThat(model).evaluatedOn(TestSet.idx(images, labels)).hasTestAccuracyAbove(0.95);
     * }</pre>
     *
     * @param set the test set
     * @return this assertion
     */
    public SELF evaluatedOn(TestSet set) {
        this.testSet = Objects.requireNonNull(set, "set");
        return myself;
    }

    /**
     * Verifies that the share of test images predicted right is above {@code accuracy}, as the product brief writes
     * it: {@code assertThat(model).hasTestAccuracyAbove(0.98)}.
     *
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasTestAccuracyAbove(double accuracy) {
        isNotNull();
        share(accuracy, "accuracy");
        Evaluation evaluation = evaluation();
        if (!(evaluation.accuracy() > accuracy)) {
            throwAssertionError(
                    shouldHaveAccuracyAbove(actual.name(), testSetName(), evaluation, actual.classNames(), accuracy));
        }
        return myself;
    }

    /**
     * Verifies that the share of test images predicted right is at least {@code accuracy}.
     *
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasTestAccuracyAtLeast(double accuracy) {
        isNotNull();
        share(accuracy, "accuracy");
        Evaluation evaluation = evaluation();
        if (!(evaluation.accuracy() >= accuracy)) {
            throwAssertionError(
                    shouldHaveAccuracyAtLeast(actual.name(), testSetName(), evaluation, actual.classNames(), accuracy));
        }
        return myself;
    }

    /**
     * Verifies that the share of class {@code label}'s images predicted as {@code label} (its recall) is above
     * {@code accuracy}.
     *
     * @param label the class
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasClassAccuracyAbove(int label, double accuracy) {
        isNotNull();
        label(label);
        share(accuracy, "accuracy");
        Evaluation evaluation = evaluation();
        if (!(evaluation.recall(label) > accuracy)) {
            throwAssertionError(shouldHaveClassAccuracyAbove(
                    actual.name(), testSetName(), evaluation, actual.classNames(), label, accuracy));
        }
        return myself;
    }

    /**
     * Verifies that the accuracy (recall) of the class named {@code className} is above {@code accuracy}; the class
     * is named as the model's data name it, a folder name such as {@code cat}, or by its number.
     *
     * <pre>{@code
     * assertThat(model).hasClassAccuracyAbove("cat", 0.9);
     * }</pre>
     *
     * @param className the class's name
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasClassAccuracyAbove(String className, double accuracy) {
        isNotNull();
        return hasClassAccuracyAbove(label(className), accuracy);
    }

    /**
     * Verifies that every class's accuracy (its recall) is above {@code accuracy}.
     *
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF everyClassHasAccuracyAbove(double accuracy) {
        isNotNull();
        share(accuracy, "accuracy");
        Evaluation evaluation = evaluation();
        for (int c = 0; c < evaluation.classes(); c++) {
            if (!(evaluation.recall(c) > accuracy)) {
                throwAssertionError(shouldHaveEveryClassAccuracyAbove(
                        actual.name(), testSetName(), evaluation, actual.classNames(), accuracy));
            }
        }
        return myself;
    }

    /**
     * Verifies that the share of images predicted as {@code label} that are {@code label} is above
     * {@code precision}.
     *
     * @param label the class
     * @param precision the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasPrecisionAbove(int label, double precision) {
        isNotNull();
        label(label);
        share(precision, "precision");
        Evaluation evaluation = evaluation();
        if (!(evaluation.precision(label) > precision)) {
            throwAssertionError(shouldHavePrecisionAbove(
                    actual.name(), testSetName(), evaluation, actual.classNames(), label, precision));
        }
        return myself;
    }

    /**
     * Verifies that the share of class {@code label}'s images predicted as {@code label} is above {@code recall}:
     * the same figure, check and message as {@link #hasClassAccuracyAbove(int, double)}.
     *
     * @param label the class
     * @param recall the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasRecallAbove(int label, double recall) {
        return hasClassAccuracyAbove(label, recall);
    }

    /**
     * Verifies that the F1 score of class {@code label} (harmonic mean of its precision and recall) is above
     * {@code f1}.
     *
     * @param label the class
     * @param f1 the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasF1Above(int label, double f1) {
        isNotNull();
        label(label);
        share(f1, "F1");
        Evaluation evaluation = evaluation();
        if (!(evaluation.f1(label) > f1)) {
            throwAssertionError(
                    shouldHaveF1Above(actual.name(), testSetName(), evaluation, actual.classNames(), label, f1));
        }
        return myself;
    }

    /**
     * Verifies that the unweighted mean of the classes' precisions is above {@code precision}.
     *
     * @param precision the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasMacroPrecisionAbove(double precision) {
        isNotNull();
        share(precision, "precision");
        Evaluation evaluation = evaluation();
        if (!(evaluation.macroPrecision() > precision)) {
            throwAssertionError(shouldHaveMacroPrecisionAbove(
                    actual.name(), testSetName(), evaluation, actual.classNames(), precision));
        }
        return myself;
    }

    /**
     * Verifies that the unweighted mean of the classes' recalls is above {@code recall}.
     *
     * @param recall the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasMacroRecallAbove(double recall) {
        isNotNull();
        share(recall, "recall");
        Evaluation evaluation = evaluation();
        if (!(evaluation.macroRecall() > recall)) {
            throwAssertionError(
                    shouldHaveMacroRecallAbove(actual.name(), testSetName(), evaluation, actual.classNames(), recall));
        }
        return myself;
    }

    /**
     * Verifies that the unweighted mean of the classes' F1 scores is above {@code f1}.
     *
     * @param f1 the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF hasMacroF1Above(double f1) {
        isNotNull();
        share(f1, "F1");
        Evaluation evaluation = evaluation();
        if (!(evaluation.macroF1() > f1)) {
            throwAssertionError(
                    shouldHaveMacroF1Above(actual.name(), testSetName(), evaluation, actual.classNames(), f1));
        }
        return myself;
    }

    /**
     * Verifies that the mean cross-entropy loss per test image is below {@code loss}.
     *
     * @param loss the bar, not negative
     * @return this assertion
     */
    public SELF hasTestLossBelow(double loss) {
        isNotNull();
        if (!(loss >= 0)) {
            throw new IllegalArgumentException("a loss bar must be at least 0, got " + loss);
        }
        Evaluation evaluation = evaluation();
        if (!(evaluation.loss() < loss)) {
            throwAssertionError(shouldHaveLossBelow(actual.name(), testSetName(), evaluation, loss));
        }
        return myself;
    }

    /**
     * Verifies that at most a share {@code maxShare} of class {@code actualLabel}'s images are predicted as
     * {@code predictedLabel}: {@code confusesAtMost(4, 9, 0.02)} allows 2% of the 4s to be taken for 9s.
     *
     * @param actualLabel the true class
     * @param predictedLabel the class it must not be taken for too often
     * @param maxShare the largest share allowed, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF confusesAtMost(int actualLabel, int predictedLabel, double maxShare) {
        isNotNull();
        label(actualLabel);
        label(predictedLabel);
        share(maxShare, "share");
        Evaluation evaluation = evaluation();
        if (!(evaluation.confusionRate(actualLabel, predictedLabel) <= maxShare)) {
            throwAssertionError(shouldConfuseAtMost(
                    actual.name(),
                    testSetName(),
                    evaluation,
                    actual.classNames(),
                    actualLabel,
                    predictedLabel,
                    maxShare));
        }
        return myself;
    }

    /**
     * Verifies that at most a share {@code maxShare} of the images of class {@code actualClass} are predicted as
     * {@code predictedClass}, both named as the model's data name them.
     *
     * <pre>{@code
     * assertThat(model).confusesAtMost("cat", "dog", 0.05);   // at most 5% of the cats taken for dogs
     * }</pre>
     *
     * @param actualClass the true class's name
     * @param predictedClass the name of the class it must not be taken for too often
     * @param maxShare the largest share allowed, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF confusesAtMost(String actualClass, String predictedClass, double maxShare) {
        isNotNull();
        return confusesAtMost(label(actualClass), label(predictedClass), maxShare);
    }

    /**
     * Verifies that the model predicts {@code label} for {@code image}.
     *
     * @param image the image, of the model's input size
     * @param label the expected class
     * @return this assertion
     */
    public SELF classifiesAs(TestImage image, int label) {
        isNotNull();
        predictionAs(image, label);
        return myself;
    }

    /**
     * Verifies that the model predicts the class named {@code className} for {@code image}.
     *
     * <pre>{@code
     * assertThat(model).classifiesAs(TestImage.png(Path.of("src/test/resources/tabby.png")), "cat");
     * }</pre>
     *
     * @param image the image, of the model's input size
     * @param className the expected class, as the model's data name it
     * @return this assertion
     */
    public SELF classifiesAs(TestImage image, String className) {
        isNotNull();
        predictionAs(image, label(className));
        return myself;
    }

    /**
     * Verifies that the model predicts {@code label} for {@code image} with a probability above
     * {@code confidence}.
     *
     * @param image the image, of the model's input size
     * @param label the expected class
     * @param confidence the bar for the class's softmax probability, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF classifiesWithConfidenceAbove(TestImage image, int label, double confidence) {
        isNotNull();
        share(confidence, "confidence");
        Prediction prediction = predictionAs(image, label);
        if (!(prediction.confidence() > confidence)) {
            throwAssertionError(shouldClassifyWithConfidenceAbove(
                    actual.name(), image.description(), actual.classNames(), confidence, prediction));
        }
        return myself;
    }

    /**
     * Verifies that the accuracy stays above {@code accuracy} when Gaussian noise of standard deviation
     * {@code sigma} (on the {@code [0, 1]} pixel scale) is added to every test image, with the fixed seed
     * {@value GaussianNoise#DEFAULT_SEED}.
     *
     * @param sigma the noise's standard deviation; 0.1 is about 25 grey levels
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF keepsAccuracyAboveUnderNoise(double sigma, double accuracy) {
        return keepsAccuracyAboveUnder(GaussianNoise.of(sigma), accuracy);
    }

    /**
     * Verifies that the accuracy stays above {@code accuracy} when every test image is shifted by {@code pixels}
     * in each of the four directions (right, left, down, up; black comes in); each direction is one evaluation.
     *
     * @param pixels how far to shift, at least 1
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF keepsAccuracyAboveWhenShifted(int pixels, double accuracy) {
        if (pixels < 1) {
            throw new IllegalArgumentException("shift by at least 1 pixel, got " + pixels);
        }
        return keepsAccuracyAbove(
                PixelShift.everyDirection(pixels),
                "images shifted " + pixels + (pixels == 1 ? " pixel" : " pixels") + " in each direction",
                accuracy);
    }

    /**
     * Verifies that the accuracy stays above {@code accuracy} on test images changed by {@code perturbation},
     * such as {@code new GaussianNoise(0.2, 7)} or {@code new PixelShift(1, -1)}.
     *
     * @param perturbation what is done to each test image
     * @param accuracy the bar, in {@code [0, 1]}
     * @return this assertion
     */
    public SELF keepsAccuracyAboveUnder(ImagePerturbation perturbation, double accuracy) {
        return keepsAccuracyAbove(List.of(perturbation), perturbation.describe(), accuracy);
    }

    /**
     * Verifies that the network has fewer than {@code count} trainable parameters, counted in its loaded tensors.
     *
     * @param count the bar
     * @return this assertion
     */
    public SELF hasParameterCountBelow(long count) {
        isNotNull();
        long parameters = actual.parameterCount();
        if (!(parameters < count)) {
            throwAssertionError(shouldHaveParameterCountBelow(actual.name(), parameters, count));
        }
        return myself;
    }

    /**
     * Verifies that the median time to classify one image is below {@code latency}, measured after warm-up runs.
     *
     * @param latency the bar
     * @return this assertion
     */
    public SELF hasMedianLatencyPerImageBelow(Duration latency) {
        return hasMedianLatencyPerBatchBelow(1, latency);
    }

    /**
     * Verifies that the median time to classify a batch of {@code batchSize} images is below {@code latency},
     * measured after warm-up runs.
     *
     * @param batchSize images per batch, at least 1
     * @param latency the bar
     * @return this assertion
     */
    public SELF hasMedianLatencyPerBatchBelow(int batchSize, Duration latency) {
        isNotNull();
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least 1 image, got " + batchSize);
        }
        Latency measured = actual.latency(batchSize);
        if (measured.median().compareTo(latency) >= 0) {
            throwAssertionError(shouldHaveLatencyBelow(actual.name(), measured, latency));
        }
        return myself;
    }

    /**
     * Verifies that no metric is worse than in a baseline {@code metrics.json} by more than the tolerance: accuracy,
     * loss, macro precision, recall and F1, and each class's precision, recall and F1, measured as {@code cnn:check}
     * measures its tolerance rules. The baseline's figures are read from the file; the model's are measured.
     *
     * @param baseline a {@code metrics.json} file, or a model directory holding one
     * @param tolerance how much worse a metric may get, such as {@code Tolerance.absolute(0.005)}
     * @return this assertion
     * @throws CnnModelException if the baseline is missing or is not a {@code metrics.json} file
     * @throws IllegalArgumentException if the baseline has another number of classes than the model
     */
    public SELF isNoWorseThanBaseline(Path baseline, Tolerance tolerance) {
        isNotNull();
        Baseline figures;
        try {
            figures = Baseline.load(baseline);
        } catch (IOException e) {
            throw new CnnModelException("Cannot read baseline " + baseline + ": " + e.getMessage(), e);
        }
        if (!figures.isPresent()) {
            throw new CnnModelException("Cannot read baseline " + baseline + ": " + figures.describe());
        }
        return isNoWorseThan(figures, baseline.toString(), tolerance);
    }

    /**
     * Verifies that no metric is worse than another model's by more than the tolerance, both measured here on the
     * same test set.
     *
     * @param baseline the baseline model
     * @param tolerance how much worse a metric may get, such as {@code Tolerance.relative(0.01)}
     * @return this assertion
     * @throws IllegalArgumentException if the baseline model has another number of classes
     */
    public SELF isNoWorseThan(CnnModel baseline, Tolerance tolerance) {
        isNotNull();
        String name = "model " + baseline.name();
        return isNoWorseThan(Baseline.named(name, MetricSource.of(baseline.evaluate(testSet()))), name, tolerance);
    }

    private SELF isNoWorseThan(Baseline baseline, String baselineName, Tolerance tolerance) {
        MetricSource current = MetricSource.of(evaluation());
        int baselineClasses = baseline.source().classes();
        if (baselineClasses != current.classes()) {
            throw new IllegalArgumentException("the baseline has " + baselineClasses + " classes but the model has "
                    + current.classes() + "; compare models of one task");
        }
        GateResult result = tolerance.gate().check(actual.name(), current, baseline, actual.classNames());
        if (!result.passed()) {
            throwAssertionError(shouldBeNoWorseThanBaseline(
                    actual.name(), testSetName(), baselineName, result, tolerance.describe()));
        }
        return myself;
    }

    private SELF keepsAccuracyAbove(
            List<? extends ImagePerturbation> perturbations, String described, double accuracy) {
        isNotNull();
        share(accuracy, "accuracy");
        TestSet set = testSet();
        Map<ImagePerturbation, Evaluation> failing = new LinkedHashMap<>();
        for (ImagePerturbation perturbation : perturbations) {
            Evaluation evaluation = actual.evaluate(set, perturbation);
            if (!(evaluation.accuracy() > accuracy)) {
                failing.put(perturbation, evaluation);
            }
        }
        if (!failing.isEmpty()) {
            throwAssertionError(shouldKeepAccuracyAbove(
                    actual.name(),
                    set.description(),
                    failing,
                    described,
                    perturbations.size() > 1,
                    actual.evaluate(set),
                    accuracy));
        }
        return myself;
    }

    private Evaluation evaluation() {
        return actual.evaluate(testSet());
    }

    private Prediction predictionAs(TestImage image, int label) {
        label(label);
        Prediction prediction = actual.predict(image);
        if (prediction.label() != label) {
            throwAssertionError(
                    shouldClassifyAs(actual.name(), image.description(), actual.classNames(), label, prediction));
        }
        return prediction;
    }

    private TestSet testSet() {
        if (testSet != null) {
            return testSet;
        }
        return actual.testSet()
                .orElseThrow(() -> new CnnModelException("Model " + actual.name() + " ("
                        + actual.origin()
                        + ") has no test set of its own; name one with evaluatedOn(TestSet.idx(images,"
                        + " labels)) or give one to the TorchScript builder with optTestSet"));
    }

    private String testSetName() {
        return testSet().description();
    }

    private int label(String className) {
        return actual.classNames()
                .indexOf(className)
                .orElseThrow(() -> new IllegalArgumentException("model "
                        + actual.name() + " has no class '" + className + "'; its classes are "
                        + actual.classNames().joined()));
    }

    private void label(int label) {
        if (label < 0 || label >= actual.classes()) {
            throw new IllegalArgumentException("class " + label + " is not one of the " + actual.classes()
                    + " classes of model " + actual.name() + " (0.." + (actual.classes() - 1) + ")");
        }
    }

    private static void share(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("a " + what + " bar is a share in [0, 1], got " + value);
        }
    }
}

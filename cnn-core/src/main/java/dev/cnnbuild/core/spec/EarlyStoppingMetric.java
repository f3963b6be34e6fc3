package dev.cnnbuild.core.spec;

/**
 * What early stopping watches: {@code training.earlyStopping.metric} in the model file.
 *
 * <pre>{@code
 * EarlyStoppingMetric.VALIDATION_LOSS.yamlName()          // "validationLoss"
 * EarlyStoppingMetric.VALIDATION_LOSS.lowerIsBetter()     // true
 * EarlyStoppingMetric.TEST_ACCURACY.needsValidationSet()  // false
 * }</pre>
 */
public enum EarlyStoppingMetric {
    /** Mean cross-entropy on the held-out validation set; lower is better. */
    VALIDATION_LOSS("validationLoss", true, true),
    /** Share of the validation set predicted right; higher is better. */
    VALIDATION_ACCURACY("validationAccuracy", false, true),
    /** Mean cross-entropy on the test set; lower is better. Choosing epochs on it tunes the model to the test set. */
    TEST_LOSS("testLoss", true, false),
    /** Share of the test set predicted right; higher is better. Choosing epochs on it tunes to the test set. */
    TEST_ACCURACY("testAccuracy", false, false);

    private final String yamlName;
    private final boolean lowerIsBetter;
    private final boolean needsValidationSet;

    EarlyStoppingMetric(String yamlName, boolean lowerIsBetter, boolean needsValidationSet) {
        this.yamlName = yamlName;
        this.lowerIsBetter = lowerIsBetter;
        this.needsValidationSet = needsValidationSet;
    }

    /** Returns the metric's name in the model file, such as {@code validationLoss}. */
    public String yamlName() {
        return yamlName;
    }

    /** Returns whether a smaller value is an improvement (losses) rather than a larger one (accuracies). */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** Returns whether the metric is measured on the validation set, so that it needs a validation split. */
    public boolean needsValidationSet() {
        return needsValidationSet;
    }
}

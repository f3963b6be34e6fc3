/**
 * The failure messages of the model assertions, one factory per failure in AssertJ's style: each figure to four
 * decimals, counts with thousands separators, and what explains the failure (weakest classes, most frequent
 * confusions, most probable classes, regressed metrics).
 *
 * <pre>{@code
 * throwAssertionError(ShouldHaveAccuracy.shouldHaveAccuracyAbove(model.name(), "its test set", evaluation, 0.98));
 * }</pre>
 */
package dev.cnnbuild.test.error;

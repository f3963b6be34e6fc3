/**
 * Unit tests that say what a trained model must achieve: a {@link dev.cnnbuild.test.CnnModel} handle (a model
 * directory of this project or a TorchScript file), AssertJ assertions that measure it in the test JVM
 * ({@link dev.cnnbuild.test.CnnAssertions}, {@link dev.cnnbuild.test.CnnSoftAssertions}), and a JUnit 5 extension
 * that loads each model once per JVM ({@link dev.cnnbuild.test.CnnTest}, {@link dev.cnnbuild.test.TrainedModel},
 * {@link dev.cnnbuild.test.TorchScriptFile}).
 *
 * <p>Of the core, a test author uses only the types this API publishes with it, and its public signatures use no
 * other (a test checks this): the figures {@code core.evaluation.Evaluation}, {@code ClassNames},
 * {@code Prediction}, {@code Latency} and {@code PixelScaling}; the perturbations {@code core.robustness.ImagePerturbation}, {@code GaussianNoise} and
 * {@code PixelShift}; the images {@code core.data.ImageSet}, {@code LabeledImages} and the reader
 * {@code IdxReader}; the shape {@code core.spec.InputShape}; and, for custom failure messages,
 * {@code core.rules.GateResult}. Everything else in the core may change without notice.
 *
 * <pre>{@code
 * @CnnTest
 * class MnistModelTest {
 *     @Test
 *     void meetsTheBar(@TrainedModel("mnist-cnn") CnnModel model) {
 *         assertThat(model).hasTestAccuracyAbove(0.98)
 *                          .everyClassHasAccuracyAbove(0.95)
 *                          .hasMacroF1Above(0.98)
 *                          .confusesAtMost(4, 9, 0.02);
 *     }
 * }
 * }</pre>
 */
package dev.cnnbuild.test;

/**
 * Unit tests that say what a trained model must achieve: a {@link dev.cnnbuild.test.CnnModel} handle (a model
 * directory of this project or a TorchScript file), AssertJ assertions that measure it in the test JVM
 * ({@link dev.cnnbuild.test.CnnAssertions}, {@link dev.cnnbuild.test.CnnSoftAssertions}), and a JUnit 5 extension
 * that loads each model once per JVM ({@link dev.cnnbuild.test.CnnTest}, {@link dev.cnnbuild.test.TrainedModel}).
 *
 * <pre>{@code
 * @CnnTest
 * class MnistModelTest {
 *     @Test
 *     void meetsTheBar(@TrainedModel("mnist-cnn") CnnModel model) {
 *         assertThat(model).hasAccuracyAbove(0.98)
 *                          .everyClassHasAccuracyAbove(0.95)
 *                          .hasMacroF1Above(0.98)
 *                          .confusesAtMost(4, 9, 0.02);
 *     }
 * }
 * }</pre>
 */
package dev.cnnbuild.test;

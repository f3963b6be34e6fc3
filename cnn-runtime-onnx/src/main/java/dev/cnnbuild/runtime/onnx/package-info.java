/**
 * Classifying images with a model the build trained, through ONNX Runtime instead of PyTorch:
 * {@link dev.cnnbuild.runtime.onnx.OnnxClassifier} runs the model directory's {@code model.onnx} with the training's
 * preprocessing and answers with {@code cnn-runtime}'s {@link dev.cnnbuild.runtime.Classification}. An application
 * that ships this module instead of {@code cnn-runtime}'s PyTorch natives codes against
 * {@link dev.cnnbuild.runtime.Classifier} either way.
 *
 * <pre>{@code
 * try (Classifier classifier = OnnxClassifier.fromClasspath("cnn/mnist-cnn")) {
 *     System.out.println(classifier.classify(Path.of("digit.png")));   // 7 (0.9981)
 * }
 * }</pre>
 */
package dev.cnnbuild.runtime.onnx;

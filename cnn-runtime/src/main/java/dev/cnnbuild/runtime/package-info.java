/**
 * Classifying images in an application with a model the build trained: {@link dev.cnnbuild.runtime.CnnClassifier}
 * loads a verified model directory or class path resource and classifies files, images, streams and bytes with the
 * preprocessing training used; {@link dev.cnnbuild.runtime.Classification} and
 * {@link dev.cnnbuild.runtime.ClassProbability} hold the answer; {@link dev.cnnbuild.runtime.CnnClassifierException}
 * says what is wrong with a model or an image. Nothing of DJL, AssertJ or JUnit is in this API.
 *
 * <pre>{@code
 * try (CnnClassifier classifier = CnnClassifier.fromClasspath("cnn/mnist-cnn")) {
 *     Classification c = classifier.classify(Path.of("digit.png"));
 *     System.out.println(c.label() + " " + c.probability());
 * }
 * }</pre>
 */
package dev.cnnbuild.runtime;

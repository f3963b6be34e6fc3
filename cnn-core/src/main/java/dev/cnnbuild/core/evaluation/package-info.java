/**
 * Evaluates a network on a labelled dataset (accuracy, loss, confusion matrix and per-class figures), predicts
 * images with their class probabilities, and measures latency. {@link dev.cnnbuild.core.evaluation.ImageClassifier}
 * is the one way to run a loaded network on images: the report, {@code cnn:check} and the test API all use it.
 *
 * <pre>{@code
 * Evaluation evaluation = Evaluator.evaluate(network, manager, testSet, spec.classes(), 1000);
 * double accuracy = evaluation.accuracy();
 * List<Prediction> predictions = model.classifier().predictAll(testSet.images(), 1000);
 * }</pre>
 */
package dev.cnnbuild.core.evaluation;

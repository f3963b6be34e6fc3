/**
 * Evaluates a network on a labelled dataset: accuracy, loss, confusion matrix and per-class figures.
 *
 * <pre>{@code
 * Evaluation evaluation = Evaluator.evaluate(network, manager, testSet, spec.classes(), 1000);
 * double accuracy = evaluation.accuracy();
 * }</pre>
 */
package dev.cnnbuild.core.evaluation;

/**
 * Datasets: the IDX reader and labelled image sets checked against a model's input.
 *
 * <pre>{@code
 * LabeledImages test = DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
 * }</pre>
 */
package dev.cnnbuild.core.data;

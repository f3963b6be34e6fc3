/**
 * Datasets: the IDX reader; image files listed from class folders ({@link dev.cnnbuild.core.data.ImageFolderListing})
 * or a CSV file ({@link dev.cnnbuild.core.data.CsvListing}), the seeded held-out test split, decoding and resizing
 * ({@link dev.cnnbuild.core.data.ImageDecoder}); and labelled image sets of bytes checked against a model's input.
 *
 * <pre>{@code
 * LabeledImages test = DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());   // IDX files
 * ModelData data = ModelData.forTraining(spec);                                              // any format
 * LabeledImages train = data.train();
 * }</pre>
 */
package dev.cnnbuild.core.data;

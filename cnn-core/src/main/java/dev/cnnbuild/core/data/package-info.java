/**
 * Datasets: the IDX reader; image files listed from class folders ({@link dev.cnnbuild.core.data.ImageFolderListing})
 * or a CSV file ({@link dev.cnnbuild.core.data.CsvListing}), the seeded held-out test split, decoding and resizing
 * ({@link dev.cnnbuild.core.data.ImageDecoder}), the {@code onBadImage} policy
 * ({@link dev.cnnbuild.core.data.BadImages}); labelled image sets of bytes checked against a model's input; and
 * {@link dev.cnnbuild.core.data.ImageStore}s, images read one at a time by index from the heap or from the decoded
 * cache ({@link dev.cnnbuild.core.data.DecodedCache}) or a gzipped IDX file's decompressed copy
 * ({@link dev.cnnbuild.core.data.DecompressedIdx}), so that a data set may be larger than the memory.
 *
 * <pre>{@code
 * LabeledImages test = DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());   // IDX files
 * ModelData data = ModelData.forTraining(spec);                                              // any format
 * ImageStore train = data.trainStore(Path.of("target/cnn"), DecodingProgress.NONE);   // read by index
 * }</pre>
 */
package dev.cnnbuild.core.data;

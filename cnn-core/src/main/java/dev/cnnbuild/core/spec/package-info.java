/**
 * The model file: a YAML description of a CNN, its data and its training, read strictly and checked for shapes.
 *
 * <pre>{@code
 * name: mnist-cnn
 * input: {channels: 1, height: 28, width: 28}
 * classes: 10
 * layers:
 *   - conv2d: {filters: 16, kernel: 5}
 *   - relu
 *   - maxpool: {kernel: 2}
 *   - flatten
 *   - linear: {units: 10}
 * data:
 *   train: {images: data/train-images-idx3-ubyte.gz, labels: data/train-labels-idx1-ubyte.gz}
 *   test:  {images: data/t10k-images-idx3-ubyte.gz,  labels: data/t10k-labels-idx1-ubyte.gz}
 * training:
 *   epochs: 10
 * }</pre>
 *
 * <pre>{@code
 * CheckedModel model = CheckedModel.read(Path.of("src/main/cnn/mnist.yaml"), MemoryLimit.machine());
 * model.shapes();   // 1x28x28 -> 16x24x24 -> 16x12x12 -> 2304 -> 10
 * }</pre>
 *
 * <p>{@link dev.cnnbuild.core.spec.ModelSpecReader} turns the file into a
 * {@link dev.cnnbuild.core.spec.ModelSpec} of immutable records; every mistake is an error that starts with
 * {@code file:line:column: }, says what is wrong and how to fix it, and one
 * {@link dev.cnnbuild.core.spec.SpecException} lists every independent error of a file.
 * {@link dev.cnnbuild.core.spec.CheckedModel} is a file read and checked once, with its shapes, parameter count and
 * memory estimate, for training to use. {@link dev.cnnbuild.core.spec.ShapeInference} follows one image through the
 * layers; {@link dev.cnnbuild.core.spec.TrainingMemory} estimates the memory training needs and
 * holds it to a {@link dev.cnnbuild.core.spec.MemoryLimit}; {@link dev.cnnbuild.core.spec.DataFileCheck} checks that
 * the data paths name regular files. The package knows nothing of Maven or DJL.
 */
package dev.cnnbuild.core.spec;

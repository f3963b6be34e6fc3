/**
 * Hands a model file to another training engine: {@link dev.cnnbuild.core.export.PytorchExport} writes a Python
 * package ({@code model.py}, {@code data.py}, {@code train.py} for {@code torchrun}) that trains the same network on
 * the same data and writes a model directory in this project's format, so {@code cnn:check} gates it; what it cannot
 * translate is an {@link dev.cnnbuild.core.export.ExportException} naming the layer or option and the reason.
 *
 * <pre>{@code
 * Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), project, Path.of("target/cnn-export"));
 * // torchrun --standalone --nproc_per_node=2 target/cnn-export/mnist-cnn/pytorch/train.py --output out
 * }</pre>
 */
package dev.cnnbuild.core.export;

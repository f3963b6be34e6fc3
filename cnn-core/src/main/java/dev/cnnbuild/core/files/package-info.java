/**
 * File helpers that the model directory, checkpoints, reports and baselines share: writing whole or not at all,
 * deleting a folder with everything in it, locking an output folder, SHA-256 digests, saying why a path is not a
 * readable regular file without opening it, and the progress lines of long tasks over many files.
 * Depends on nothing else in the project.
 *
 * <pre>{@code
 * AtomicFiles.writeString(Path.of("target/cnn/mnist-cnn/report.html"), html);
 * Folders.deleteRecursively(Path.of("target/cnn/.mnist-cnn.checkpoint"));
 * }</pre>
 */
package dev.cnnbuild.core.files;

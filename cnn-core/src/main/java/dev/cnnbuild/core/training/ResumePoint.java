package dev.cnnbuild.core.training;

import java.nio.file.Path;

/**
 * A run goes on from a checkpoint instead of starting at epoch 1.
 *
 * <pre>{@code
 * public void onResume(ResumePoint point) {
 *     System.out.println("resuming after epoch " + point.epoch() + " of " + point.epochs());
 * }
 * }</pre>
 *
 * @param modelName the model's name
 * @param epoch the last epoch the checkpoint holds; training goes on with the next one
 * @param epochs the number of epochs of the model file
 * @param checkpoint the checkpoint's folder
 */
public record ResumePoint(String modelName, int epoch, int epochs, Path checkpoint) {}

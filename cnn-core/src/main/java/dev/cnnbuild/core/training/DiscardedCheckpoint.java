package dev.cnnbuild.core.training;

import java.nio.file.Path;

/**
 * A checkpoint was found but is not resumed from; it is deleted right after this event.
 *
 * <pre>{@code
 * public void onCheckpointDiscarded(DiscardedCheckpoint discarded) {
 *     System.out.println("discarding " + discarded.checkpoint() + ": " + discarded.reason());
 * }
 * }</pre>
 *
 * @param modelName the model's name
 * @param checkpoint the checkpoint's folder
 * @param reason why, such as {@code it was saved after epoch 2 for other inputs (...)}
 */
public record DiscardedCheckpoint(String modelName, Path checkpoint, String reason) {}

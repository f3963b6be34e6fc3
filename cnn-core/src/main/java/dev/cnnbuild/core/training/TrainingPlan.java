package dev.cnnbuild.core.training;

/**
 * What is about to be trained, where, and how much.
 *
 * <pre>{@code
 * public void onStart(TrainingPlan plan) {
 *     System.out.println(plan.modelName() + " trains on " + plan.device());
 * }
 * }</pre>
 *
 * @param modelName the model's name
 * @param device the device that trains, such as {@code cpu()} or {@code gpu(0)}
 * @param engine engine name and version, such as {@code PyTorch 2.7.1}
 * @param trainImages number of training images
 * @param testImages number of test images
 * @param epochs number of epochs
 * @param batchSize images per batch
 * @param batchesPerEpoch full batches per epoch (a last partial batch is dropped)
 */
public record TrainingPlan(String modelName, String device, String engine, int trainImages, int testImages,
        int epochs, int batchSize, int batchesPerEpoch) {
}

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
 * @param trainImages number of training images, without those held out for validation
 * @param testImages number of test images
 * @param epochs number of epochs
 * @param batchSize images per batch
 * @param batchesPerEpoch full batches per epoch (a last partial batch is dropped)
 * @param validationImages number of training images held out for validation, 0 if none
 */
public record TrainingPlan(
        String modelName,
        String device,
        String engine,
        int trainImages,
        int testImages,
        int epochs,
        int batchSize,
        int batchesPerEpoch,
        int validationImages) {

    /**
     * A plan without a validation set.
     *
     * <pre>{@code
     * new TrainingPlan("mnist-cnn", "cpu()", "PyTorch 2.7.1", 60000, 10000, 10, 256, 234);
     * }</pre>
     *
     * @param modelName the model's name
     * @param device the device that trains
     * @param engine engine name and version
     * @param trainImages number of training images
     * @param testImages number of test images
     * @param epochs number of epochs
     * @param batchSize images per batch
     * @param batchesPerEpoch full batches per epoch
     */
    public TrainingPlan(
            String modelName,
            String device,
            String engine,
            int trainImages,
            int testImages,
            int epochs,
            int batchSize,
            int batchesPerEpoch) {
        this(modelName, device, engine, trainImages, testImages, epochs, batchSize, batchesPerEpoch, 0);
    }
}

package dev.cnnbuild.core.spec;

/**
 * How to train: only {@code epochs} is required.
 *
 * <pre>{@code
 * training:
 *   epochs: 10
 *   batchSize: 256                               # 32 unless given
 *   optimizer: {adam: {learningRate: 0.0002}}    # Adam with its defaults unless given
 *   loss: softmaxCrossEntropy                    # the default, and the only loss for now
 *   seed: 42                                     # the default
 *   device: auto                                 # the default; or cpu, gpu
 *   validationSplit: 0.1                         # share of the training set held out; 0 (none) unless given
 *   earlyStopping: {metric: validationLoss, patience: 3, minDelta: 0.0}   # none unless given
 *   testPass: end                                # the default: the test set once, after the last epoch
 *   schedule: {cosine: {warmupEpochs: 1}}        # a constant learning rate unless given
 *   labelSmoothing: 0.1                          # 0 unless given
 *   classWeights: balanced                       # every class weighing 1 unless given
 *   gradientClipping: {norm: 1.0}                # no clipping unless given
 * }</pre>
 *
 * @param epochs the number of passes over the training set
 * @param batchSize the number of images per step
 * @param optimizer the optimizer
 * @param loss the loss function, {@code "softmaxCrossEntropy"}
 * @param seed the seed of every random choice, so that a run can be repeated
 * @param device where to train
 * @param validationSplit the share of the training set held out (chosen with the seed) to validate on after every
 *     epoch; 0 for none, always below 1
 * @param earlyStopping when to stop before the last epoch; {@code null} to train every epoch
 * @param testPass when the test set is measured
 * @param schedule how the learning rate changes, stepped per batch; {@code null} for a constant rate
 * @param labelSmoothing the share of each label spread evenly over all classes, as PyTorch's
 *     {@code CrossEntropyLoss(label_smoothing=...)}; 0 for none
 * @param classWeights the classes' weights in the loss; {@code null} for equal weights
 * @param gradientClipping the clipping of the gradients' global norm; {@code null} for none
 */
public record TrainingSpec(
        int epochs,
        int batchSize,
        OptimizerSpec optimizer,
        String loss,
        long seed,
        DeviceChoice device,
        double validationSplit,
        EarlyStoppingSpec earlyStopping,
        TestPass testPass,
        ScheduleSpec schedule,
        double labelSmoothing,
        ClassWeightsSpec classWeights,
        GradientClippingSpec gradientClipping) {

    /**
     * Settings with a constant learning rate and the plain cross-entropy loss, without clipping.
     *
     * <pre>{@code
     * new TrainingSpec(10, 256, AdamOptimizer.defaults(), "softmaxCrossEntropy", 42, DeviceChoice.AUTO, 0.1,
     *         null, TestPass.END);
     * }</pre>
     *
     * @param epochs the number of passes over the training set
     * @param batchSize the number of images per step
     * @param optimizer the optimizer
     * @param loss the loss function
     * @param seed the seed
     * @param device where to train
     * @param validationSplit the share of the training set held out
     * @param earlyStopping when to stop before the last epoch; {@code null} to train every epoch
     * @param testPass when the test set is measured
     */
    public TrainingSpec(
            int epochs,
            int batchSize,
            OptimizerSpec optimizer,
            String loss,
            long seed,
            DeviceChoice device,
            double validationSplit,
            EarlyStoppingSpec earlyStopping,
            TestPass testPass) {
        this(
                epochs,
                batchSize,
                optimizer,
                loss,
                seed,
                device,
                validationSplit,
                earlyStopping,
                testPass,
                null,
                0,
                null,
                null);
    }

    /**
     * Settings without a validation split or early stopping, measuring the test set after the last epoch.
     *
     * <pre>{@code
     * new TrainingSpec(10, 256, AdamOptimizer.defaults(), "softmaxCrossEntropy", 42, DeviceChoice.AUTO);
     * }</pre>
     *
     * @param epochs the number of passes over the training set
     * @param batchSize the number of images per step
     * @param optimizer the optimizer
     * @param loss the loss function
     * @param seed the seed
     * @param device where to train
     */
    public TrainingSpec(
            int epochs, int batchSize, OptimizerSpec optimizer, String loss, long seed, DeviceChoice device) {
        this(epochs, batchSize, optimizer, loss, seed, device, 0, null, TestPass.END);
    }

    /**
     * Returns whether the test set is measured after every epoch: when {@code testPass} asks for it, and when early
     * stopping watches a figure of the test set.
     */
    public boolean testsEveryEpoch() {
        return testPass == TestPass.EVERY_EPOCH
                || earlyStopping != null && !earlyStopping.metric().needsValidationSet();
    }
}

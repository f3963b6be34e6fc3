package dev.cnnbuild.core.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.cnnbuild.core.nn.ScalarArithmetic;

/**
 * One batch trained data-parallel on the trainer's devices, as DJL's {@code EasyTrain.trainBatch} does it: the batch
 * is sliced where it lies, each slice goes to its device, runs forward and backward there, and DJL's parameter
 * server sums the gradients on the first device when the caller steps. Each slice's loss is weighted by its share of
 * the batch (of its images, or with class weights of its labels' weights), so the summed gradient is the gradient of
 * the whole batch's mean loss, as on one device.
 *
 * <pre>{@code
 * BatchFigures figures = DataParallelStep.train(trainer, trainer.getDevices(), images, labels);
 * optimizer.beginStep();
 * trainer.step();
 * }</pre>
 */
final class DataParallelStep {

    private DataParallelStep() {}

    /**
     * Runs forward and backward for one batch; the caller then steps the trainer.
     *
     * @param trainer a trainer on one or more devices
     * @param devices the trainer's devices, one slice each
     * @param images the batch's images
     * @param labels the batch's labels
     * @return the batch's mean loss and its correctly classified images
     */
    static BatchFigures train(Trainer trainer, Device[] devices, NDArray images, NDArray labels) {
        long size = images.getShape().get(0);
        long[] cuts = cuts(size, devices.length);
        NDList imageSlices = images.split(cuts);
        NDList labelSlices = labels.split(cuts);
        double whole = weight(trainer.getLoss(), labels);
        double loss = 0;
        long correct = 0;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            for (int i = 0; i < devices.length; i++) {
                NDArray x = imageSlices.get(i).toDevice(devices[i], false);
                NDArray y = labelSlices.get(i).toDevice(devices[i], false);
                double share = weight(trainer.getLoss(), y) / whole;
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray sliceLoss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                collector.backward(ScalarArithmetic.times(sliceLoss, share));
                loss += sliceLoss.getFloat() * share;
                correct += logits.argMax(1).eq(y).countNonzero().getLong();
            }
        }
        return new BatchFigures(loss, correct);
    }

    /** Returns what the loss's mean divides by for these labels: their count, or the sum of their class weights. */
    private static double weight(Loss loss, NDArray labels) {
        return loss instanceof SmoothedCrossEntropyLoss weighted
                ? weighted.weightOf(labels)
                : (double) labels.getShape().get(0);
    }

    /** Returns where to cut {@code size} rows into {@code parts} slices whose sizes differ by one at most. */
    static long[] cuts(long size, int parts) {
        long[] cuts = new long[parts - 1];
        for (int i = 1; i < parts; i++) {
            cuts[i - 1] = size * i / parts;
        }
        return cuts;
    }

    /**
     * What one batch gave.
     *
     * @param loss the mean loss over the batch
     * @param correct the images classified correctly
     */
    record BatchFigures(double loss, long correct) {}
}

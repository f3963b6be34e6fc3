package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.nn.ImageTensors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a network over a labelled dataset in inference mode (no gradients, dropout off, batch norm on its running
 * statistics) and counts what it gets right; optionally it keeps each image's prediction from the same pass.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     Evaluation e = Evaluator.evaluate(network, manager, testSet, 10, 1000);
 *     PredictedEvaluation both = Evaluator.evaluateAndPredict(network, manager, testSet, 10, 1000,
 *             PixelScaling.UNIT);
 * }
 * }</pre>
 */
public final class Evaluator {

    private Evaluator() {}

    /**
     * Evaluates the network.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation; batches are freed as they go
     * @param data the dataset
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @return the confusion matrix and summed cross-entropy loss
     */
    public static Evaluation evaluate(
            Block network, NDManager manager, LabeledImages data, int classes, int batchSize) {
        return evaluate(network, manager, data, classes, batchSize, PixelScaling.UNIT);
    }

    /**
     * Evaluates a network that takes its pixels scaled otherwise than to {@code [0, 1]}, such as a TorchScript
     * model trained with normalised inputs.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation; batches are freed as they go
     * @param data the dataset
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @param scaling how the network expects its pixels
     * @return the confusion matrix and summed cross-entropy loss
     */
    public static Evaluation evaluate(
            Block network, NDManager manager, LabeledImages data, int classes, int batchSize, PixelScaling scaling) {
        return inHeap(() -> pass(
                network,
                manager,
                new HeapImageStore(data),
                classes,
                batchSize,
                scaling,
                ChannelNormalization.NONE,
                null));
    }

    /**
     * Evaluates the network and keeps every image's prediction from the same forward passes, as a report needs
     * them: one pass over the data instead of two.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation; batches are freed as they go
     * @param data the dataset
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @param scaling how the network expects its pixels
     * @return the evaluation and one prediction per image, in order
     */
    public static PredictedEvaluation evaluateAndPredict(
            Block network, NDManager manager, LabeledImages data, int classes, int batchSize, PixelScaling scaling) {
        return evaluateAndPredict(network, manager, data, classes, batchSize, scaling, ChannelNormalization.NONE);
    }

    /**
     * Evaluates the network on images normalised per channel and keeps every image's prediction.
     *
     * <pre>{@code
     * Evaluator.evaluateAndPredict(network, manager, test, 2, 1000, PixelScaling.UNIT, normalization);
     * }</pre>
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation
     * @param data the dataset
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @param scaling how the network expects its pixels
     * @param normalization applied after the scaling, per channel
     * @return the evaluation and one prediction per image, in order
     */
    public static PredictedEvaluation evaluateAndPredict(
            Block network,
            NDManager manager,
            LabeledImages data,
            int classes,
            int batchSize,
            PixelScaling scaling,
            ChannelNormalization normalization) {
        return inHeap(() -> evaluateAndPredict(
                network, manager, new HeapImageStore(data), classes, batchSize, scaling, normalization));
    }

    /**
     * Evaluates the network on images read batch by batch from a store, which need not fit the memory, and keeps
     * every image's prediction.
     *
     * <pre>{@code
     * Evaluator.evaluateAndPredict(network, manager, testStore, 2, 1000, PixelScaling.UNIT, normalization);
     * }</pre>
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation
     * @param data the images
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @param scaling how the network expects its pixels
     * @param normalization applied after the scaling, per channel
     * @return the evaluation and one prediction per image, in order
     * @throws DatasetException if an image cannot be read
     */
    public static PredictedEvaluation evaluateAndPredict(
            Block network,
            NDManager manager,
            ImageStore data,
            int classes,
            int batchSize,
            PixelScaling scaling,
            ChannelNormalization normalization)
            throws DatasetException {
        List<Prediction> predictions = new ArrayList<>(data.count());
        Evaluation evaluation = pass(network, manager, data, classes, batchSize, scaling, normalization, predictions);
        return new PredictedEvaluation(evaluation, predictions);
    }

    /**
     * Evaluates the network on images read batch by batch from a store, which need not fit the memory.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation
     * @param data the images
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @param scaling how the network expects its pixels
     * @param normalization applied after the scaling, per channel
     * @return the confusion matrix and summed cross-entropy loss
     * @throws DatasetException if an image cannot be read
     */
    public static Evaluation evaluate(
            Block network,
            NDManager manager,
            ImageStore data,
            int classes,
            int batchSize,
            PixelScaling scaling,
            ChannelNormalization normalization)
            throws DatasetException {
        return pass(network, manager, data, classes, batchSize, scaling, normalization, null);
    }

    /**
     * Evaluates the network on images normalised per channel.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the evaluation
     * @param data the dataset
     * @param classes the number of classes
     * @param batchSize images per forward pass
     * @param scaling how the network expects its pixels
     * @param normalization applied after the scaling, per channel
     * @return the confusion matrix and summed cross-entropy loss
     */
    public static Evaluation evaluate(
            Block network,
            NDManager manager,
            LabeledImages data,
            int classes,
            int batchSize,
            PixelScaling scaling,
            ChannelNormalization normalization) {
        return inHeap(() ->
                pass(network, manager, new HeapImageStore(data), classes, batchSize, scaling, normalization, null));
    }

    /** Something read from images in the heap, which cannot fail to be read. */
    private interface HeapRead<T> {
        T run() throws DatasetException;
    }

    private static <T> T inHeap(HeapRead<T> read) {
        try {
            return read.run();
        } catch (DatasetException e) {
            throw new IllegalStateException("images in the heap are always readable", e);
        }
    }

    private static Evaluation pass(
            Block network,
            NDManager manager,
            ImageStore data,
            int classes,
            int batchSize,
            PixelScaling scaling,
            ChannelNormalization normalization,
            List<Prediction> predictionsOut)
            throws DatasetException {
        long[][] confusion = new long[classes][classes];
        double lossSum = 0;
        BatchBuffers buffers = new BatchBuffers(ImageTensors.isChannelsLast(network, manager));
        for (int start = 0; start < data.count(); start += batchSize) {
            int end = Math.min(start + batchSize, data.count());
            ImageSet images = data.gather(IntStream.range(start, end).toArray(), buffers.pixels(end - start, data));
            try (NDManager batch = manager.newSubManager()) {
                NDArray input = buffers.input(batch, images);
                NDArray logits = Logits.forward(network, batch, normalization.apply(scaling.apply(input)));
                NDArray logProbabilities = logits.logSoftmax(1);
                long[] predictions = logits.argMax(1).toLongArray();
                float[] logProbs = logProbabilities.toFloatArray();
                for (int i = 0; i < predictions.length; i++) {
                    int label = data.label(start + i);
                    confusion[label][(int) predictions[i]]++;
                    lossSum -= logProbs[i * classes + label];
                }
                if (predictionsOut != null) {
                    predictionsOut.addAll(Prediction.ofRows(logits.softmax(1).toFloatArray(), classes));
                }
            }
        }
        return new Evaluation(confusion, lossSum);
    }

    /**
     * The arrays one pass reuses batch after batch, the bytes it gathers and the direct buffer it hands the engine
     * (floats laid out channels-last, or the bytes), rather than allocating them per batch: each is large (111 images
     * of 224x224 are 16.7 MB of bytes, 66.8 MB of floats), and a direct buffer is only freed when a collection finds
     * it unreachable. A tensor made from them has storage of its own, so the next batch may overwrite them.
     */
    private static final class BatchBuffers {
        private final boolean channelsLast;
        private byte[] pixels = new byte[0];
        private ByteBuffer values;

        BatchBuffers(boolean channelsLast) {
            this.channelsLast = channelsLast;
        }

        /** Returns an array for {@code count} images of the store, the last one when it has that length. */
        byte[] pixels(int count, ImageStore data) {
            int length = Math.multiplyExact(count, data.imageSize());
            if (pixels.length != length) {
                pixels = new byte[length];
            }
            return pixels;
        }

        /** Returns the images as the network's input, scaled to [0, 1], as {@link ImageTensors#input} makes it. */
        NDArray input(NDManager batch, ImageSet images) {
            int count = images.count();
            if (!channelsLast) {
                values = ImageTensors.directBytes(images, 0, count, values);
                return ImageTensors.fromBytes(batch, values, count, images.channels(), images.height(), images.width());
            }
            values = ImageTensors.channelsLastFloats(images, 0, count, values);
            return ImageTensors.fromChannelsLast(
                    batch, values, count, images.channels(), images.height(), images.width());
        }
    }
}

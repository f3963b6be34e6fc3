package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.spec.InputShape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A network that classifies grey-scale images, with what it needs to be fed: its input shape, class count and
 * pixel scaling. It evaluates datasets, predicts images (one, or all in batches) with their class probabilities,
 * classifies batches (what latency is measured on) and counts its parameters. It owns nothing: whoever loaded the
 * network closes it.
 *
 * <pre>{@code
 * try (LoadedModel model = LoadedModel.load(directory, Device.cpu())) {
 *     ImageClassifier classifier = new ImageClassifier(model.network(), model.manager(), model.spec().input(),
 *             model.spec().classes(), PixelScaling.UNIT);
 *     Evaluation evaluation = classifier.evaluate(testSet, 1000);
 *     PredictedEvaluation both = classifier.evaluateAndPredict(testSet, 1000);   // one pass for both
 *     Prediction first = classifier.predict(testSet.images(), 0);
 *     List<Prediction> all = classifier.predictAll(testSet.images(), 1000);
 * }
 * }</pre>
 *
 * @param network the network, with its parameters loaded; it outputs one logit (unnormalised score) per class
 * @param manager the manager that owns the parameters; each call works in a sub-manager of it
 * @param input the shape of one input image
 * @param classes the number of classes
 * @param scaling how the network expects its pixels
 * @param normalization applied after the scaling, per channel: the {@code data.normalize} it was trained with
 */
public record ImageClassifier(
        Block network,
        NDManager manager,
        InputShape input,
        int classes,
        PixelScaling scaling,
        ChannelNormalization normalization) {

    /**
     * A classifier whose pixels are only scaled.
     *
     * @param network the network, with its parameters loaded
     * @param manager the manager that owns the parameters
     * @param input the shape of one input image
     * @param classes the number of classes
     * @param scaling how the network expects its pixels
     */
    public ImageClassifier(Block network, NDManager manager, InputShape input, int classes, PixelScaling scaling) {
        this(network, manager, input, classes, scaling, ChannelNormalization.NONE);
    }

    /**
     * Evaluates the network on a labelled dataset.
     *
     * @param data the dataset, of the network's input size
     * @param batchSize images per forward pass
     * @return the confusion matrix and the summed cross-entropy loss
     */
    public Evaluation evaluate(LabeledImages data, int batchSize) {
        return Evaluator.evaluate(network, manager, data, classes, batchSize, scaling, normalization);
    }

    /**
     * Evaluates the network on a labelled dataset and keeps every image's prediction, in one pass.
     *
     * @param data the dataset, of the network's input size
     * @param batchSize images per forward pass
     * @return the evaluation and one prediction per image, in order
     */
    public PredictedEvaluation evaluateAndPredict(LabeledImages data, int batchSize) {
        return Evaluator.evaluateAndPredict(network, manager, data, classes, batchSize, scaling, normalization);
    }

    /**
     * Evaluates images read batch by batch from a store, which need not fit the memory.
     *
     * <pre>{@code
     * Evaluation evaluation = classifier.evaluate(testStore, 1000);
     * }</pre>
     *
     * @param data the images
     * @param batchSize images per forward pass
     * @return the confusion matrix and summed loss
     * @throws DatasetException if an image cannot be read
     */
    public Evaluation evaluate(ImageStore data, int batchSize) throws DatasetException {
        return Evaluator.evaluate(network, manager, data, classes, batchSize, scaling, normalization);
    }

    /**
     * Evaluates images read batch by batch from a store and keeps every image's prediction.
     *
     * <pre>{@code
     * PredictedEvaluation tested = classifier.evaluateAndPredict(testStore, 1000);
     * }</pre>
     *
     * @param data the images
     * @param batchSize images per forward pass
     * @return the evaluation and one prediction per image, in order
     * @throws DatasetException if an image cannot be read
     */
    public PredictedEvaluation evaluateAndPredict(ImageStore data, int batchSize) throws DatasetException {
        return Evaluator.evaluateAndPredict(network, manager, data, classes, batchSize, scaling, normalization);
    }

    /**
     * Predicts one image.
     *
     * @param images images of the network's input size
     * @param index which of them
     * @return the predicted class and every class's probability
     */
    public Prediction predict(ImageSet images, int index) {
        return predict(images, index, index + 1).get(0);
    }

    /**
     * Predicts every image, {@code batchSize} images per forward pass.
     *
     * @param images images of the network's input size
     * @param batchSize images per forward pass
     * @return one prediction per image, in order
     */
    public List<Prediction> predictAll(ImageSet images, int batchSize) {
        List<Prediction> predictions = new ArrayList<>(images.count());
        for (int start = 0; start < images.count(); start += batchSize) {
            predictions.addAll(predict(images, start, Math.min(start + batchSize, images.count())));
        }
        return predictions;
    }

    /**
     * Predicts images decoded one by one, as {@link dev.cnnbuild.core.data.ImageDecoder} gives them, in one forward
     * pass: what an application's request costs. The pixels are scaled and normalised in Java straight into the
     * buffer the input tensor reads, in the layout {@link ImageTensors#input} gives, and the softmax is taken in Java,
     * so that a call makes three calls into the engine besides the network's own; the input's floats are those
     * {@link #predictAll} feeds the network, and the probabilities equal its within float rounding.
     *
     * <pre>{@code
     * List<Prediction> two = classifier.predictDecoded(List.of(
     *         ImageDecoder.decode(first, "first", input, ResizeMode.NONE),
     *         ImageDecoder.decode(second, "second", input, ResizeMode.NONE)));
     * }</pre>
     *
     * @param images each image's {@code channels x height x width} bytes, channel plane by plane, of the network's
     *     input size
     * @return one prediction per image, in order
     */
    public List<Prediction> predictDecoded(List<byte[]> images) {
        try (NDManager scope = manager.newSubManager()) {
            DecodedInput pixels = new DecodedInput(input, scaling, normalization);
            ByteBuffer floats = pixels.floats(images, ImageTensors.isChannelsLast(network, scope));
            Shape shape = new Shape(images.size(), input.channels(), input.height(), input.width());
            NDArray batch = ImageTensors.fromFloats(network, scope, floats, shape);
            float[] logits = Logits.forward(network, scope, batch).toFloatArray();
            return Prediction.ofLogitRows(logits, logits.length / images.size());
        }
    }

    /**
     * Classifies images {@code from} (inclusive) to {@code to} (exclusive) in one forward pass.
     *
     * @param images images of the network's input size
     * @param from first image
     * @param to one past the last image
     * @return the predicted class of each
     */
    public long[] classify(ImageSet images, int from, int to) {
        try (NDManager scope = manager.newSubManager()) {
            return logits(scope, images, from, to).argMax(1).toLongArray();
        }
    }

    /**
     * Returns the shape of the network's output for one image: {@code [1, classes]} for a network that fits.
     *
     * @param images images of the network's input size
     * @param index which of them
     * @return the output's shape, such as {@code [1, 10]}
     */
    public long[] outputShape(ImageSet images, int index) {
        try (NDManager scope = manager.newSubManager()) {
            return logits(scope, images, index, index + 1).getShape().getShape();
        }
    }

    /**
     * Returns the number of trainable parameters of the loaded network, as PyTorch's
     * {@code sum(p.numel() for p in model.parameters())} counts them: batch-norm running statistics excluded.
     */
    public long parameterCount() {
        long count = 0;
        ParameterList parameters = network.getParameters();
        for (Pair<String, Parameter> entry : parameters) {
            Parameter parameter = entry.getValue();
            if (parameter.getType() != Parameter.Type.RUNNING_MEAN
                    && parameter.getType() != Parameter.Type.RUNNING_VAR) {
                count += parameter.getArray().size();
            }
        }
        return count;
    }

    /** Predicts images {@code from} (inclusive) to {@code to} (exclusive) in one forward pass. */
    private List<Prediction> predict(ImageSet images, int from, int to) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray probabilities = logits(scope, images, from, to).softmax(1);
            return Prediction.ofRows(
                    probabilities.toFloatArray(), (int) probabilities.getShape().get(1));
        }
    }

    private NDArray logits(NDManager scope, ImageSet images, int from, int to) {
        return Logits.of(network, scaling, normalization, scope, images, from, to);
    }
}

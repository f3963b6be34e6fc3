package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.spec.InputShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Predicts decoded images for an application that calls it many times, from many threads, as
 * {@link ImageClassifier#predictDecoded} does and with the same floats in the same layout, but a single image reuses
 * an input tensor made once instead of allocating a buffer and making a tensor and its channels-last view per call:
 * what is left per call besides the network is writing the floats, a sub-manager that frees the activations and one
 * copy of the logits. Each thread in a call takes an input of its own from a pool that grows to the number of
 * threads that ever called at once; the inputs stay until the model's manager is closed ({@code 4 x channels x height
 * x width} bytes each, in native memory). Batches of several images go to {@link ImageClassifier#predictDecoded}.
 *
 * <pre>{@code
 * DecodedPredictor predictor = new DecodedPredictor(model.classifier());   // once, shared by threads
 * Prediction one = predictor.predict(List.of(ImageDecoder.decode(image, "upload", input, ResizeMode.NONE))).get(0);
 * }</pre>
 */
public final class DecodedPredictor {
    private final ImageClassifier classifier;
    private final DecodedInput pixels;
    private final boolean channelsLast;
    private final Queue<ReusedInput> inputs = new ConcurrentLinkedQueue<>();

    /**
     * Prepares predictions with a classifier; nothing is allocated before the first call.
     *
     * @param classifier the network, its manager (which owns the reused inputs), input shape and preprocessing
     */
    public DecodedPredictor(ImageClassifier classifier) {
        this.classifier = classifier;
        this.pixels = new DecodedInput(classifier.input(), classifier.scaling(), classifier.normalization());
        this.channelsLast = ImageTensors.isChannelsLast(classifier.network(), classifier.manager());
    }

    /**
     * Predicts images decoded one by one, in one forward pass; safe to call from several threads at once, never
     * after the classifier's manager is closed.
     *
     * @param images each image's {@code channels x height x width} bytes, channel plane by plane, of the network's
     *     input size
     * @return one prediction per image, in order
     * @throws IllegalArgumentException if an image has another size than the network's input
     */
    public List<Prediction> predict(List<byte[]> images) {
        if (images.size() != 1) {
            return classifier.predictDecoded(images);
        }
        ReusedInput input = inputs.poll();
        if (input == null) {
            input = new ReusedInput();
        }
        try {
            pixels.write(images, channelsLast, input.floats.clear());
            try (NDManager scope = classifier.manager().newSubManager()) {
                input.tensor.tempAttach(scope);
                float[] logits = Logits.forward(classifier.network(), scope, input.tensor)
                        .toFloatArray();
                return Prediction.ofLogitRows(logits, logits.length);
            }
        } finally {
            inputs.add(input);
        }
    }

    /**
     * One image's input: a direct buffer and the tensor that reads it, owned by the classifier's manager; during a
     * call the tensor is lent to the call's sub-manager, so that the activations it makes are freed with it.
     */
    private final class ReusedInput {
        private final FloatBuffer floats;
        private final NDArray tensor;

        ReusedInput() {
            InputShape input = classifier.input();
            Shape shape = new Shape(1, input.channels(), input.height(), input.width());
            ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(shape.size()) * Float.BYTES)
                    .order(ByteOrder.nativeOrder());
            floats = buffer.asFloatBuffer();
            tensor = ImageTensors.fromFloats(classifier.network(), classifier.manager(), buffer, shape);
        }
    }
}

package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.nn.ImageTensors;

/**
 * Runs a network over images in inference mode, as {@link Evaluator} does, and keeps each image's prediction: the
 * most probable class and its softmax probability. The report uses it to show the test images the model got wrong.
 *
 * <pre>{@code
 * try (LoadedModel model = LoadedModel.load(directory, Device.cpu())) {
 *     Predictions predictions = Predictor.predict(model.network(), model.manager(), test.images(), 1000);
 * }
 * }</pre>
 */
public final class Predictor {

    private Predictor() {
    }

    /**
     * Predicts every image.
     *
     * @param network an initialised network
     * @param manager the manager whose device runs the network; batches are freed as they go
     * @param images the images
     * @param batchSize images per forward pass
     * @return one prediction per image, in order
     */
    public static Predictions predict(Block network, NDManager manager, ImageSet images, int batchSize) {
        int[] labels = new int[images.count()];
        float[] confidences = new float[images.count()];
        ParameterStore parameters = new ParameterStore(manager, false);
        for (int start = 0; start < images.count(); start += batchSize) {
            int end = Math.min(start + batchSize, images.count());
            try (NDManager batch = manager.newSubManager()) {
                NDArray input = ImageTensors.images(batch, images, start, end);
                NDArray probabilities = network.forward(parameters, new NDList(input), false).singletonOrThrow()
                        .softmax(1);
                long[] best = probabilities.argMax(1).toLongArray();
                float[] top = probabilities.max(new int[] {1}).toFloatArray();
                for (int i = 0; i < best.length; i++) {
                    labels[start + i] = (int) best[i];
                    confidences[start + i] = top[i];
                }
            }
        }
        return new Predictions(labels, confidences);
    }
}

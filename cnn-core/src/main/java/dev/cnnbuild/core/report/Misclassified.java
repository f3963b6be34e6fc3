package dev.cnnbuild.core.report;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A test image the model got wrong, as the report shows it: the image, its true class, the predicted class and the
 * model's confidence in that prediction.
 *
 * <pre>{@code
 * List<Prediction> predictions = model.classifier().predictAll(test.images(), 1000);
 * List<Misclassified> worst = Misclassified.collect(test, predictions, 36);
 * }</pre>
 *
 * @param imageIndex the image's position in its set
 * @param trueLabel its class
 * @param predictedLabel the class the model predicted
 * @param confidence the softmax probability of the predicted class, from 0 to 1
 * @param image the image alone, as a set of one
 * @param fileName the image's file, relative to its data folder ({@code circle/broken.png}); empty for IDX data,
 *     whose images have only their index
 */
public record Misclassified(
        int imageIndex,
        int trueLabel,
        int predictedLabel,
        double confidence,
        ImageSet image,
        Optional<String> fileName) {

    /**
     * Returns how the report names the image: its file name, or {@code #59} (its index in the set) for IDX data.
     */
    public String caption() {
        return fileName.orElse("#" + imageIndex);
    }

    /** Checks that there is one image and that the prediction is wrong. */
    public Misclassified {
        if (image.count() != 1) {
            throw new IllegalArgumentException("one image expected, not " + image.count());
        }
        if (trueLabel == predictedLabel) {
            throw new IllegalArgumentException("image " + imageIndex + " was predicted right (" + trueLabel + ")");
        }
    }

    /**
     * Returns the misclassified images, the most confident mistakes first (ties in image order).
     *
     * @param data the labelled images
     * @param predictions the predictions for them, in the same order
     * @param limit the most to return
     * @return at most {@code limit} mistakes
     */
    public static List<Misclassified> collect(LabeledImages data, List<Prediction> predictions, int limit) {
        try {
            return collect(new HeapImageStore(data), predictions, limit);
        } catch (DatasetException e) {
            throw new IllegalStateException("images in the heap are always readable", e);
        }
    }

    /**
     * Returns the misclassified images of a store, the most confident mistakes first (ties in image order): only
     * the labels are looked at to find them, and only the {@code limit} shown are read.
     *
     * <pre>{@code
     * List<Misclassified> worst = Misclassified.collect(testStore, predictions, 36);
     * }</pre>
     *
     * @param data the labelled images
     * @param predictions the predictions for them, in the same order
     * @param limit the most to return
     * @return at most {@code limit} mistakes
     * @throws DatasetException if a chosen image cannot be read
     */
    public static List<Misclassified> collect(ImageStore data, List<Prediction> predictions, int limit)
            throws DatasetException {
        if (predictions.size() != data.count()) {
            throw new IllegalArgumentException(predictions.size() + " predictions for " + data.count() + " images");
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < data.count(); i++) {
            if (predictions.get(i).label() != data.label(i)) {
                wrong.add(i);
            }
        }
        List<Integer> shown = wrong.stream()
                .sorted(Comparator.comparingDouble(
                                (Integer i) -> predictions.get(i).confidence())
                        .reversed()
                        .thenComparingInt(i -> i))
                .limit(limit)
                .toList();
        List<Misclassified> mistakes = new ArrayList<>();
        for (int i : shown) {
            Prediction prediction = predictions.get(i);
            mistakes.add(new Misclassified(
                    i,
                    data.label(i),
                    prediction.label(),
                    prediction.confidence(),
                    data.gather(new int[] {i}),
                    data.fileName(i)));
        }
        return mistakes;
    }
}

package dev.cnnbuild.core.report;

import dev.cnnbuild.core.data.ImageSet;
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
 * @param images the set the image belongs to
 * @param fileName the image's file, relative to its data folder ({@code circle/broken.png}); empty for IDX data,
 *     whose images have only their index
 */
public record Misclassified(
        int imageIndex,
        int trueLabel,
        int predictedLabel,
        double confidence,
        ImageSet images,
        Optional<String> fileName) {

    /**
     * Returns how the report names the image: its file name, or {@code #59} (its index in the set) for IDX data.
     */
    public String caption() {
        return fileName.orElse("#" + imageIndex);
    }

    /** Checks that the image is in the set and that the prediction is wrong. */
    public Misclassified {
        if (imageIndex < 0 || imageIndex >= images.count()) {
            throw new IllegalArgumentException("image " + imageIndex + " is not in a set of " + images.count());
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
        if (predictions.size() != data.size()) {
            throw new IllegalArgumentException(predictions.size() + " predictions for " + data.size() + " images");
        }
        List<Misclassified> mistakes = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Prediction prediction = predictions.get(i);
            if (prediction.label() != data.labels()[i]) {
                mistakes.add(new Misclassified(
                        i,
                        data.labels()[i],
                        prediction.label(),
                        prediction.confidence(),
                        data.images(),
                        data.fileName(i)));
            }
        }
        return mistakes.stream()
                .sorted(Comparator.comparingDouble(Misclassified::confidence)
                        .reversed()
                        .thenComparingInt(Misclassified::imageIndex))
                .limit(limit)
                .toList();
    }
}

package dev.cnnbuild.core.training;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.spec.ClassWeightsSpec;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.text.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The weight of each class in the loss, from {@code training.classWeights}: {@code balanced} gives class {@code c}
 * the weight {@code n / (k * count[c])} for {@code n} training images of {@code k} classes (scikit-learn's
 * {@code compute_class_weight("balanced")}), counted on the training split (after any validation split); weights by
 * name give each named class its weight and the others 1.
 *
 * <pre>{@code
 * ClassWeights.check(spec.training().classWeights(), List.of("cat", "dog"));   // SpecException for 'kat'
 * float[] weights = ClassWeights.of(spec.training().classWeights(), List.of("cat", "dog"), labels);
 * }</pre>
 */
public final class ClassWeights {

    private ClassWeights() {}

    /**
     * Checks that every class named in the weights is one of the model's classes.
     *
     * @param spec the weights; {@code null} for none
     * @param classNames the model's classes, in label order: folder names, CSV labels, {@code classNames} or numbers
     * @throws SpecException naming where an unknown class is written, the closest class and all of them
     */
    public static void check(ClassWeightsSpec spec, List<String> classNames) throws SpecException {
        if (spec == null) {
            return;
        }
        ClassNames names = ClassNames.of(classNames);
        for (ClassWeightsSpec.ClassWeight weight : spec.weights()) {
            if (names.indexOf(weight.className()).isEmpty()) {
                throw SpecException.at(
                        weight.location(),
                        "'classWeights' of training weighs class '" + weight.className()
                                + "', which the data do not have"
                                + Suggestions.unknownWordHint(weight.className(), classNames, "classes"));
            }
        }
    }

    /**
     * Returns the weight of each class.
     *
     * @param spec the weights; {@code null} for none
     * @param classNames the model's classes, in label order, already {@link #check checked}
     * @param labels the labels of the training split
     * @return one weight per class, in label order; {@code null} without {@code classWeights}
     * @throws IllegalArgumentException with {@code balanced}, if a class has no image in the training split
     */
    static float[] of(ClassWeightsSpec spec, List<String> classNames, int[] labels) {
        if (spec == null) {
            return null;
        }
        int classes = classNames.size();
        float[] weights = new float[classes];
        if (spec.balanced()) {
            long[] counts = new long[classes];
            for (int label : labels) {
                counts[label]++;
            }
            for (int c = 0; c < classes; c++) {
                if (counts[c] == 0) {
                    throw new IllegalArgumentException("class '" + classNames.get(c)
                            + "' has no image in the training split, so 'classWeights: balanced' cannot weigh it;"
                            + " add images of it, or weigh the classes by name");
                }
                weights[c] = (float) ((double) labels.length / ((double) classes * counts[c]));
            }
            return weights;
        }
        Arrays.fill(weights, 1f);
        ClassNames names = ClassNames.of(classNames);
        for (ClassWeightsSpec.ClassWeight weight : spec.weights()) {
            OptionalInt index = names.indexOf(weight.className());
            weights[index.orElseThrow()] = (float) weight.weight();
        }
        return weights;
    }
}

package dev.cnnbuild.core.spec;

import java.util.List;

/**
 * How much each class's images count in the loss, as the {@code weight} of PyTorch's {@code CrossEntropyLoss}:
 * {@code balanced} (each class weighed {@code n / (k * count)}, inverse to its share of the training split, as
 * scikit-learn's {@code compute_class_weight("balanced")}), or a weight per class name, classes not named weighing 1.
 *
 * <pre>{@code
 * classWeights: balanced                   # new ClassWeightsSpec(true, List.of())
 * classWeights: {cat: 2.0, dog: 0.5}       # new ClassWeightsSpec(false, List.of(cat, dog))
 * }</pre>
 *
 * @param balanced whether the weights come from the training split's class counts
 * @param weights the weights by class name; empty when {@code balanced}
 */
public record ClassWeightsSpec(boolean balanced, List<ClassWeight> weights) {

    /** The word for weights from the class counts. */
    public static final String BALANCED = "balanced";

    /** Copies the weights. */
    public ClassWeightsSpec {
        weights = List.copyOf(weights);
    }

    /**
     * One class's weight, with where its name is written, so that a name the data do not have is reported there.
     *
     * <pre>{@code
     * new ClassWeight("cat", 2.0, new SourceLocation(Path.of("model.yaml"), 14, 18));
     * }</pre>
     *
     * @param className the class's name: a folder name, a CSV label, an IDX {@code classNames} entry or a label number
     * @param weight the weight, above 0
     * @param location where the name is written
     */
    public record ClassWeight(String className, double weight, SourceLocation location) {}
}

package dev.cnnbuild.core.spec;

import java.util.List;

/**
 * Means and standard deviations per channel, on the {@code [0, 1]} pixel scale, as torchvision's {@code Normalize}
 * takes them.
 *
 * <pre>{@code
 * normalize: {mean: [0.1307], std: [0.3081]}
 * }</pre>
 *
 * @param mean one per input channel
 * @param std one per input channel, each positive
 */
public record FixedNormalization(List<Double> mean, List<Double> std) implements NormalizationSpec {

    /** Copies the lists. */
    public FixedNormalization {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }
}

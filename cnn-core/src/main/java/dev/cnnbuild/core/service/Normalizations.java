package dev.cnnbuild.core.service;

import dev.cnnbuild.core.data.ChannelStatistics;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.spec.FixedNormalization;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.NormalizationSpec;

/** Turns a model file's {@code data.normalize} into the normalisation a training applies and stores. */
final class Normalizations {

    private Normalizations() {}

    /**
     * Returns the normalisation of a run: none, the model file's figures, or the training set's statistics.
     *
     * @param spec the model file
     * @param train the training images, after any test split
     * @return the normalisation
     * @throws DatasetException if {@code auto} meets a channel of one value
     */
    static ChannelNormalization of(ModelSpec spec, ImageStore train) throws DatasetException {
        NormalizationSpec normalize = spec.data().options().normalize().orElse(null);
        if (normalize == null) {
            return ChannelNormalization.NONE;
        }
        if (normalize instanceof FixedNormalization fixed) {
            return new ChannelNormalization(
                    fixed.mean().stream().mapToDouble(Double::doubleValue).toArray(),
                    fixed.std().stream().mapToDouble(Double::doubleValue).toArray());
        }
        ChannelStatistics statistics = ChannelStatistics.of(train);
        return new ChannelNormalization(statistics.mean(), statistics.std());
    }
}

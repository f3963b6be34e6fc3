package dev.cnnbuild.core.training;

import dev.cnnbuild.core.data.ImageStore;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Holds out a share of the training set, chosen at random with a seed derived from the model's seed: the same
 * seed and data always hold out the same images. Both parts keep the images in their original order and are views of
 * the training set's store: nothing is copied.
 *
 * <pre>{@code
 * TrainingData data = ValidationSplit.split("mnist-cnn", train, 0.1, 42);   // 6,000 held out of 60,000
 * }</pre>
 */
final class ValidationSplit {

    private ValidationSplit() {}

    /**
     * Splits the training set.
     *
     * @param modelName the model's name, for messages
     * @param train the whole training set
     * @param share the share to hold out, 0 for none
     * @param seed the model's seed
     * @return the split; all images train if {@code share} is 0
     * @throws TrainingException if the share holds out no image at all
     */
    static TrainingData split(String modelName, ImageStore train, double share, long seed) throws TrainingException {
        if (share == 0) {
            return new TrainingData(train, null);
        }
        int held = (int) Math.round(share * train.count());
        if (held == 0) {
            throw new TrainingException(String.format(
                    Locale.ROOT,
                    "%s: 'training.validationSplit' %s of %,d"
                            + " training images holds out none; raise it or remove it",
                    modelName,
                    share,
                    train.count()));
        }
        int[] order = permutation(train.count(), new Random(EpochSeeds.validationSplit(seed)));
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] rest = Arrays.copyOfRange(order, held, order.length);
        Arrays.sort(validation);
        Arrays.sort(rest);
        return new TrainingData(train.subset(rest), train.subset(validation));
    }

    private static int[] permutation(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}

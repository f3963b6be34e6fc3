package dev.cnnbuild.core.training;

/**
 * Derives every random seed of a run from the model's seed, so that no random state has to be saved: epoch
 * {@code e} shuffles with {@code shuffle(seed, e)} and re-seeds the engine (dropout) with {@code engine(seed, e)}
 * whether the run started at epoch 1 or resumed from a checkpoint after epoch {@code e - 1}.
 *
 * <pre>{@code
 * Random shuffler = new Random(EpochSeeds.shuffle(42, 3));
 * Engine.getEngine("PyTorch").setRandomSeed(EpochSeeds.engine(42, 3));
 * }</pre>
 */
final class EpochSeeds {
    private static final long SHUFFLE = 0x5348554646L;
    private static final long ENGINE = 0x454E47494EL;
    private static final long VALIDATION = 0x56414C4944L;
    private static final long AUGMENTATION = 0x4155474D45L;

    private EpochSeeds() {}

    /** The seed of the shuffle of one epoch. */
    static long shuffle(long seed, int epoch) {
        return mix(mix(seed ^ SHUFFLE) + epoch);
    }

    /** The engine's seed for one epoch, which drives dropout. */
    static int engine(long seed, int epoch) {
        return (int) mix(mix(seed ^ ENGINE) + epoch);
    }

    /** The seed that picks the validation images. */
    /** Returns the seed of one batch's augmentation: every epoch and batch draws its own changes. */
    static long augmentation(long seed, int epoch, int batch) {
        return mix(mix(mix(seed ^ AUGMENTATION) + epoch) + batch);
    }

    static long validationSplit(long seed) {
        return mix(seed ^ VALIDATION);
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

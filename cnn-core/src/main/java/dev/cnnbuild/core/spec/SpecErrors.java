package dev.cnnbuild.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors found so far in one model file. A reader records an error and goes on with the next part that does
 * not depend on the failed one (the next key, layer or section), so one run reports every independent error, as a
 * compiler does; a part that needs a failed one is not read, so no error follows from another.
 *
 * <pre>{@code
 * SpecErrors errors = new SpecErrors();
 * int epochs = errors.attempt(() -> training.require("epochs", "epochs: 10").positiveInt(), 1);
 * int batch = errors.attempt(() -> training.valueOr("batchSize", 32, YamlValue::positiveInt), 32);
 * errors.throwIfAny();   // both errors, in file order, when both values are wrong
 * }</pre>
 */
final class SpecErrors {

    /** Reads one part of the model file. */
    @FunctionalInterface
    interface Part<T> {
        T read() throws SpecException;
    }

    private final List<SpecException> found = new ArrayList<>();

    /**
     * Reads a part, recording its error instead of throwing it.
     *
     * @param fallback what to go on with when the part is wrong; never reaches a model, since
     *     {@link #throwIfAny()} then throws
     * @return the part, or {@code fallback} when it is wrong
     */
    <T> T attempt(Part<T> part, T fallback) {
        try {
            return part.read();
        } catch (SpecException e) {
            add(e);
            return fallback;
        }
    }

    /**
     * Records an error found without stopping; an error already recorded, thrown again by a part that needs what it
     * is about, is recorded once.
     */
    void add(SpecException error) {
        if (found.stream().noneMatch(recorded -> recorded == error)) {
            found.add(error);
        }
    }

    /** Returns how many errors were found so far, to tell whether a part added one. */
    int count() {
        return found.size();
    }

    /**
     * Throws every error found, in file order.
     *
     * @throws SpecException listing them, one line each, if there is any
     */
    void throwIfAny() throws SpecException {
        if (!found.isEmpty()) {
            throw SpecException.all(found);
        }
    }
}

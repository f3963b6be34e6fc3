package dev.cnnbuild.core.spec;

/**
 * When the trainer measures the test set: {@code training.testPass} in the model file.
 *
 * <pre>{@code
 * training:
 *   epochs: 10
 *   testPass: everyEpoch     # or end, the default
 * }</pre>
 *
 * <p>The test set decides whether the build passes, so by default it is measured once, after the last epoch, as
 * Keras's {@code evaluate} and Lightning's {@code test} do: every pass over it costs as much as a tenth of an
 * MNIST epoch. {@link #EVERY_EPOCH} measures it after each epoch too, as the PyTorch tutorial does, for learning
 * curves of the test set.
 */
public enum TestPass {
    /** Once, after the last epoch (the default). */
    END("end"),
    /** After every epoch; the last one's figures are the model's. */
    EVERY_EPOCH("everyEpoch");

    private final String yamlName;

    TestPass(String yamlName) {
        this.yamlName = yamlName;
    }

    /** Returns the value's name in the model file, such as {@code everyEpoch}. */
    public String yamlName() {
        return yamlName;
    }
}

package dev.cnnbuild.core.training;

/**
 * Training cannot start or go on for a reason the user can fix, such as a GPU asked for where there is none.
 *
 * <pre>{@code
 * try {
 *     ModelTrainer.builder().setModel(model).optDevice(DeviceChoice.GPU).build().train(train, test);
 * } catch (TrainingException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class TrainingException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public TrainingException(String message) {
        super(message);
    }
}

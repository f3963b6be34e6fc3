package dev.cnnbuild.core.training;

import dev.cnnbuild.core.data.ImageStore;

/**
 * The images that train and those held out to validate on after every epoch.
 *
 * <pre>{@code
 * TrainingData data = ValidationSplit.split("mnist-cnn", train, 0.1, 42);
 * data.train().count();   // 54,000 of 60,000
 * }</pre>
 *
 * @param train the images that train
 * @param validation the held-out images; {@code null} if none are held out
 */
record TrainingData(ImageStore train, ImageStore validation) {

    /** Returns the number of held-out images, 0 if none. */
    int validationSize() {
        return validation == null ? 0 : validation.count();
    }
}

package dev.cnnbuild.core.data;

import dev.cnnbuild.core.spec.DatasetFiles;
import dev.cnnbuild.core.spec.InputShape;

/**
 * Loads an image file and its label file and checks them against the model: the same count, images of the model's
 * input size, labels inside its classes.
 *
 * <pre>{@code
 * LabeledImages train = DatasetLoader.load(spec.data().train(), spec.input(), spec.classes());
 * }</pre>
 */
public final class DatasetLoader {

    private DatasetLoader() {}

    /**
     * Loads and checks one dataset.
     *
     * @param files the image and label files
     * @param input the model's input shape; IDX images have one channel
     * @param classes the model's number of classes
     * @return the checked dataset
     * @throws DatasetException naming the file and the shapes involved when anything does not fit, or the file holds
     *     no image
     */
    public static LabeledImages load(DatasetFiles files, InputShape input, int classes) throws DatasetException {
        ImageSet images = IdxReader.readImages(files.images());
        if (images.count() == 0) {
            throw new DatasetException(files.images() + ": holds no images (its header gives a count of 0); a data"
                    + " set needs at least one image, point 'images' and 'labels' at a data set that has some");
        }
        if (input.channels() != 1 || images.height() != input.height() || images.width() != input.width()) {
            throw new DatasetException(String.format(
                    "%s: images are 1x%dx%d (channels x height x width) but the model input is %dx%dx%d;"
                            + " set 'input' to {channels: 1, height: %d, width: %d} or use matching images",
                    files.images(),
                    images.height(),
                    images.width(),
                    input.channels(),
                    input.height(),
                    input.width(),
                    images.height(),
                    images.width()));
        }
        int[] labels = IdxReader.readLabels(files.labels());
        if (labels.length != images.count()) {
            throw new DatasetException(files.labels() + ": " + labels.length + " labels for " + images.count()
                    + " images in " + files.images() + "; the two files must belong together");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new DatasetException(files.labels() + ": label " + labels[i] + " of image " + i
                        + " is outside the model's " + classes + " classes (0.." + (classes - 1)
                        + "); raise 'classes' or fix the labels");
            }
        }
        return new LabeledImages(images, labels);
    }
}

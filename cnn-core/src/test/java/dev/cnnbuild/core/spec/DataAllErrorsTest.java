package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.TinyImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every independent mistake in {@code data} is reported in one run, in file order, each located: the data sets,
 * the keys of a format, {@code resize}, {@code normalize} and each augmentation; a mistake gives no follow-up errors.
 */
class DataAllErrorsTest {

    @Test
    void everyWrongIdxFileAndClassNameIsReported() {
        String text = Tutorial.text()
                .replace(
                        "train: {images: data/mnist/train-images-idx3-ubyte.gz, labels:"
                                + " data/mnist/train-labels-idx1-ubyte.gz}",
                        "train: {images: '', labels: ''}")
                .replace(",  labels: data/mnist/t10k-labels-idx1-ubyte.gz}", "}")
                .replace("  format: idx\n", "  format: idx\n  classNames: [a, b, a]\n");

        assertThat(Tutorial.errorsOf(text))
                .containsExactly(
                        "mnist.yaml:19:15: 'classNames' of data lists 3 names, but the model has 10 classes; give one"
                                + " name per class, in label order",
                        "mnist.yaml:19:22: class name 'a' is given twice; give each class its own name",
                        "mnist.yaml:20:19: 'images' of data.train must be a file path, but was ''",
                        "mnist.yaml:20:31: 'labels' of data.train must be a file path, but was ''",
                        "mnist.yaml:21:10: data.test is missing 'labels'; add it, e.g. labels:"
                                + " t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void everyWrongFolderSettingIsReported() {
        List<String> errors = errorsOf(
                "folder",
                "  train: {dir: ''}\n  test: {dir: ''}\n  resize: squash\n  normalize: {mean: [0.5], std: [0.2, 0, -1]}\n");

        assertThat(errors)
                .containsExactly(
                        "mnist.yaml:12:16: 'dir' of data.train must be a file path, but was ''",
                        "mnist.yaml:13:15: 'dir' of data.test must be a file path, but was ''",
                        "mnist.yaml:14:11: 'resize' of data must be one of none, stretch or crop, but was 'squash'",
                        "mnist.yaml:15:21: 'mean' of data.normalize lists 1 numbers, but the input has 3 channels; give"
                                + " one per channel, such as [0.5, 0.5, 0.5]",
                        "mnist.yaml:15:39: 'std' of data.normalize must be a positive number, but was 0",
                        "mnist.yaml:15:42: 'std' of data.normalize must be a positive number, but was -1");
    }

    @Test
    void aWrongFolderAndAWrongSplitAreTwoErrors() {
        assertThat(errorsOf("folder", "  dir: ''\n  testSplit: 0\n"))
                .containsExactly(
                        "mnist.yaml:12:8: 'dir' of data must be a file path, but was ''",
                        "mnist.yaml:13:14: 'testSplit' of data must be above 0 and below 1, such as 0.2, but was 0; to"
                                + " test on separate images give 'train' and 'test'");
    }

    @Test
    void everyWrongAugmentationAndParameterIsReported() {
        List<String> errors = errorsOf(
                "folder",
                "  dir: images\n  testSplit: 0.2\n  augment:\n"
                        + "    - flip\n"
                        + "    - rotation: {degrees: 90}\n"
                        + "    - colorJitter: {brightness: 2, contrast: -1}\n"
                        + "    - randomCrop: {padding: 0}\n"
                        + "    - horizontalFlip: {probability: 1.5}\n");

        assertThat(errors)
                .containsExactly(
                        "mnist.yaml:15:7: unknown augmentation 'flip' (augmentation 1); valid augmentations: randomCrop,"
                                + " horizontalFlip, rotation, colorJitter",
                        "mnist.yaml:16:27: 'degrees' of rotation (augmentation 2) must be at most 45 (a small"
                                + " rotation), but was 90.0",
                        "mnist.yaml:17:33: 'brightness' of colorJitter (augmentation 3) must be at least 0 and less"
                                + " than 1, but was 2",
                        "mnist.yaml:17:46: 'contrast' of colorJitter (augmentation 3) must be at least 0 and less than"
                                + " 1, but was -1",
                        "mnist.yaml:18:29: 'padding' of randomCrop (augmentation 4) must be a positive whole number,"
                                + " but was 0",
                        "mnist.yaml:19:37: 'probability' of horizontalFlip (augmentation 5) must be above 0 and at most"
                                + " 1, but was 1.5");
    }

    @Test
    void aWrongFormatIsOneErrorAndTheKeysOfEveryFormatAreStillChecked() {
        // the keys a format allows are not checked against a format that is not one, but normalize and augment are
        // the same in every format
        assertThat(errorsOf("folders", "  dir: images\n  normalize: yes\n  augment: [flip]\n"))
                .containsExactly(
                        "mnist.yaml:11:11: 'format' of data must be one of idx, folder or csv, but was 'folders'; did"
                                + " you mean 'folder'?",
                        "mnist.yaml:13:14: 'normalize' of data must be 'auto' or a mapping like {mean: [0.5, 0.5,"
                                + " 0.5], std: [0.25, 0.25, 0.25]}, but was 'yes'",
                        "mnist.yaml:14:13: unknown augmentation 'flip' (augmentation 1); valid augmentations:"
                                + " randomCrop, horizontalFlip, rotation, colorJitter");
    }

    @Test
    void aTestSplitBesideATrainingSetIsOneErrorNotAlsoAMissingTestSet() {
        assertThat(errorsOf("folder", "  train: {dir: images}\n  testSplit: 0.2\n"))
                .containsExactly("mnist.yaml:13:14: 'testSplit' holds out part of one 'dir' for testing, but data has"
                        + " 'train'; remove 'testSplit' and give 'test', or replace 'train' by 'dir'");
    }

    @Test
    void noDataSetIsOneError() {
        assertThat(errorsOf("csv", "  resize: crop\n"))
                .containsExactly("mnist.yaml:11:3: data is missing 'train' and 'test'; add them, e.g. train: {file:"
                        + " labels/train.csv} and test: {file: labels/test.csv}, or one 'file' with 'testSplit:"
                        + " 0.2'");
    }

    @Test
    void eachDataSetIsCheckedOnItsOwn() {
        assertThat(errorsOf("csv", "  train: {file: ''}\n  test: {dir: b.csv}\n"))
                .containsExactly(
                        "mnist.yaml:12:17: 'file' of data.train must be a file path, but was ''",
                        "mnist.yaml:13:10: unknown key 'dir' in data.test, which needs 'file' (a CSV file of path,label"
                                + " rows after a header, relative to the model file); write 'file' instead of 'dir'");
    }

    private static List<String> errorsOf(String format, String dataLines) {
        return Tutorial.errorsOf(TinyImages.modelYaml("pets", format, dataLines, 3));
    }
}

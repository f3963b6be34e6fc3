package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data section for image files: folders and CSV files, a test set or a test split, resizing, and errors. */
class ImageDataSpecTest {
    private static final Path FILE = Path.of("/p/src/main/cnn/pets.yaml");

    @Test
    void folderWithATestFolder() throws Exception {
        DataSpec data = parse(
                        "folder", "  train: {dir: images/train}\n  test: {dir: images/test}\n" + "  resize: crop\n")
                .data();

        assertThat(data.isIdx()).isFalse();
        assertThat(data.images())
                .contains(new ImageSource(
                        ImageLayout.FOLDER,
                        Path.of("/p/src/main/cnn/images/train"),
                        Optional.of(Path.of("/p/src/main/cnn/images/test")),
                        0));
        assertThat(data.options().resize()).isEqualTo(ResizeMode.CROP);
        assertThat(data.train()).isNull();
    }

    @Test
    void oneFolderWithATestSplitAndNoResizeByDefault() throws Exception {
        DataSpec data =
                parse("folder", "  dir: ../../../images\n  testSplit: 0.25\n").data();

        assertThat(data.images().orElseThrow().train()).isEqualTo(Path.of("/p/images"));
        assertThat(data.images().orElseThrow().heldOut()).isTrue();
        assertThat(data.images().orElseThrow().testSplit()).isEqualTo(0.25);
        assertThat(data.options().resize()).isEqualTo(ResizeMode.NONE);
    }

    @Test
    void csvFiles() throws Exception {
        DataSpec data = parse("csv", "  train: {file: train.csv}\n  test: {file: test.csv}\n")
                .data();

        assertThat(data.images().orElseThrow().layout()).isEqualTo(ImageLayout.CSV);
        assertThat(data.images().orElseThrow().test()).contains(Path.of("/p/src/main/cnn/test.csv"));
    }

    @Test
    void aSplitNeedsItsShare() {
        assertThat(errorOf("folder", "  dir: images\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:11:3: data is"
                        + " missing 'testSplit'; add it, e.g. testSplit: 0.2 (the share of each class held out for testing),"
                        + " or give 'train' and 'test' instead of 'dir'");
        assertThat(errorOf("folder", "  dir: images\n  testSplit: 0\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:13:14:"
                        + " 'testSplit' of data must be above 0 and below 1, such as 0.2, but was 0; to test on separate"
                        + " images give 'train' and 'test'");
    }

    @Test
    void aTrainingFolderNeedsATestFolder() {
        assertThat(errorOf("folder", "  train: {dir: images/train}\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:11:3:"
                        + " data is missing 'test'; add it, e.g. test: {dir: images/test}, or replace 'train' by one 'dir'"
                        + " with 'testSplit: 0.2'");
    }

    @Test
    void dirAndTrainTogetherAreRefused() {
        assertThat(errorOf("folder", "  dir: images\n  train: {dir: images/train}\n  testSplit: 0.2\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:13:10: data has both 'dir' and 'train'; give either one"
                        + " 'dir' with 'testSplit: 0.2', or 'train' and 'test'");
    }

    @Test
    void theWrongKeyForTheLayoutIsOneErrorThatNamesTheKeyItNeeds() {
        assertThat(errorOf("csv", "  train: {dir: a.csv}\n  test: {file: b.csv}\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:12:11: unknown key 'dir' in data.train, which needs 'file' (a"
                        + " CSV file of path,label rows after a header, relative to the model file); write 'file'"
                        + " instead of 'dir'");
    }

    @Test
    void unknownResizeIsNamed() {
        assertThat(errorOf("folder", "  dir: images\n  testSplit: 0.2\n  resize: squash\n"))
                .isEqualTo(
                        "/p/src/main/cnn/pets.yaml:14:11: 'resize' of data must be one of none, stretch or crop, but was"
                                + " 'squash'");
    }

    @Test
    void unreadableImagesFailByDefaultAndMayBeSkipped() throws Exception {
        assertThat(parse("folder", "  dir: images\n  testSplit: 0.2\n")
                        .data()
                        .options()
                        .onBadImage())
                .isEqualTo(BadImagePolicy.FAIL);
        assertThat(parse("csv", "  file: a.csv\n  testSplit: 0.2\n  onBadImage: skip\n")
                        .data()
                        .options()
                        .onBadImage())
                .isEqualTo(BadImagePolicy.SKIP);
    }

    @Test
    void aWrongBadImagePolicyIsNamedWithTheNearestWord() {
        assertThat(errorOf("folder", "  dir: images\n  testSplit: 0.2\n  onBadImage: skp\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:14:15: 'onBadImage' of data must be one of fail or skip, but"
                        + " was 'skp'; did you mean 'skip'?");
        assertThat(errorOf(
                        "idx",
                        "  train: {images: a, labels: b}\n  test: {images: c, labels: d}\n" + "  onBadImage: skip\n"))
                .startsWith("/p/src/main/cnn/pets.yaml:14:3: unknown key 'onBadImage' in data");
    }

    @Test
    void idxKeepsItsKeys() {
        assertThat(errorOf(
                        "idx",
                        "  train: {images: a, labels: b}\n  test: {images: c, labels: d}\n" + "  resize: crop\n"))
                .startsWith("/p/src/main/cnn/pets.yaml:14:3: unknown key 'resize' in data");
    }

    @Test
    void idxFilesMayNameTheirClasses() throws Exception {
        DataSpec data = parse(
                        "idx",
                        "  train: {images: a, labels: b}\n  test: {images: c, labels: d}\n"
                                + "  classNames: [cat, dog]\n")
                .data();

        assertThat(data.classNames()).containsExactly("cat", "dog");
        assertThat(errorOf(
                        "idx",
                        "  train: {images: a, labels: b}\n  test: {images: c, labels: d}\n" + "  classNames: [cat]\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:14:15: 'classNames' of data lists 1"
                        + " names, but the model has 2 classes; give one name per class, in label order");
        assertThat(errorOf(
                        "idx",
                        "  train: {images: a, labels: b}\n  test: {images: c, labels: d}\n"
                                + "  classNames: [cat, cat]\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:14:21: class name 'cat' is"
                        + " given twice; give each class its own name");
    }

    @Test
    void normalizeIsAutoOrOneMeanAndStdPerChannel() throws Exception {
        String split = "  dir: images\n  testSplit: 0.2\n";
        assertThat(parse("folder", split + "  normalize: auto\n")
                        .data()
                        .options()
                        .normalize())
                .contains(new AutoNormalization());
        assertThat(parse("folder", split + "  normalize: {mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0.25]}\n")
                        .data()
                        .options()
                        .normalize())
                .contains(new FixedNormalization(List.of(0.5, 0.4, 0.3), List.of(0.2, 0.2, 0.25)));
        assertThat(errorOf("folder", split + "  normalize: {mean: [0.5], std: [0.2, 0.2, 0.2]}\n"))
                .isEqualTo(
                        "/p/src/main/cnn/pets.yaml:14:21: 'mean' of data.normalize lists 1 numbers, but the input has 3"
                                + " channels; give one per channel, such as [0.5, 0.5, 0.5]");
        assertThat(errorOf("folder", split + "  normalize: {mean: [0.5, 0.5, 0.5], std: [0.2, 0, 0.2]}\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:14:49: 'std' of data.normalize must be a positive number,"
                        + " but was 0");
        assertThat(errorOf("folder", split + "  normalize: yes\n"))
                .isEqualTo("/p/src/main/cnn/pets.yaml:14:14:"
                        + " 'normalize' of data must be 'auto' or a mapping like {mean: [0.5, 0.5, 0.5], std: [0.25, 0.25,"
                        + " 0.25]}, but was 'yes'");
    }

    @Test
    void augmentIsAListLikeLayers() throws Exception {
        String split = "  dir: images\n  testSplit: 0.2\n";
        List<AugmentationSpec> augment = parse(
                        "folder",
                        split + "  augment:\n    - randomCrop: {padding: 4}\n"
                                + "    - horizontalFlip\n    - rotation: {degrees: 10}\n    - colorJitter: {brightness: 0.2}\n")
                .data()
                .options()
                .augment();

        assertThat(augment)
                .extracting(AugmentationSpec::describe)
                .containsExactly(
                        "randomCrop: {padding: 4}",
                        "horizontalFlip: {probability: 0.5}",
                        "rotation: {degrees: 10.0}",
                        "colorJitter: {brightness: 0.2, contrast: 0.0}");
        assertThat(errorOf("folder", split + "  augment:\n    - horizontalFlipp\n"))
                .isEqualTo(
                        "/p/src/main/cnn/pets.yaml:15:7: unknown augmentation 'horizontalFlipp' (augmentation 1); did you mean"
                                + " 'horizontalFlip'? Valid augmentations: randomCrop, horizontalFlip, rotation, colorJitter");
        assertThat(errorOf("folder", split + "  augment:\n    - rotation: {degrees: 90}\n"))
                .isEqualTo(
                        "/p/src/main/cnn/pets.yaml:15:27: 'degrees' of rotation (augmentation 1) must be at most 45 (a small"
                                + " rotation), but was 90.0");
    }

    private static ModelSpec parse(String format, String dataLines) throws SpecException {
        return ModelSpecReader.parse(FILE, TinyImages.modelYaml("pets", format, dataLines, 3));
    }

    private static String errorOf(String format, String dataLines) {
        try {
            parse(format, dataLines);
        } catch (SpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}

package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ImageSources;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.testing.TinyImages;
import dev.cnnbuild.core.training.TrainingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a folder of colour images end to end: training, the held-out test set, checking, rebuilds, errors. */
class ImageFolderTrainingTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final TrainingService service = new TrainingService(new TrainingService.Listener() {
        @Override
        public void onTrainingStarts(String modelName, String reason) {
            log.add("training: " + reason);
        }

        @Override
        public void onImagesListed(String modelName, String summary) {
            log.add(summary);
        }

        @Override
        public void onDataLine(String modelName, String line) {
            log.add(line);
        }
    });

    @Test
    void colourImagesTrainWithAHeldOutTestSetThatTheCheckUsesAgain() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 40, 8, 8, 3);
        Files.writeString(images.resolve("red/notes.txt"), "not an image");
        Path yaml = TinyImages.writeFolderModel(dir, "colours", "  dir: images\n  testSplit: 0.25\n", 3);
        Path output = dir.resolve("out");

        TrainingResult trained = service.train(TrainingRequest.of(yaml, output));

        ModelDirectory directory = ModelDirectory.of(output, "colours");
        assertThat(log)
                .containsExactly(
                        "training: no model yet at " + directory.root(),
                        "60 training and 20 test"
                                + " images of 2 classes (blue, red) from " + images
                                + " (25 % of each class held out for testing);"
                                + " skipped 1 file that is not an image: red/notes.txt",
                        "training images decoded into the cache " + dir.resolve("cnn-cache/colours/train.images")
                                + " (0.0 MB), because there was no cache yet",
                        "test images decoded into the cache " + dir.resolve("cnn-cache/colours/test.images")
                                + " (0.0 MB), because there was no cache yet");
        assertThat(trained.metrics().orElseThrow().test().count()).isEqualTo(20);
        assertThat(trained.metrics().orElseThrow().test().accuracy()).isGreaterThan(0.9);
        assertThat(Files.readAllLines(directory.root().resolve(ImageSources.HELD_OUT_FILE)))
                .hasSize(21);

        TinyImages.solid(images.resolve("red/late.png"), 8, 8, 0xFF0000, "png");
        ModelCheck check = new CheckService()
                .check(CheckRequest.of(
                        output,
                        List.of(
                                Rule.builder("accuracy").minimum("0.9").build(),
                                Rule.builder("classAccuracy")
                                        .label("red")
                                        .minimum("0.8")
                                        .build())))
                .get(0);
        assertThat(check.measured().count()).isEqualTo(20);
        assertThat(check.measured().accuracy())
                .isEqualTo(trained.metrics().orElseThrow().test().accuracy());
        assertThat(check.gate().passed()).isTrue();
        assertThat(check.gate().outcomes().get(1).message()).startsWith("colours: accuracy of class red is ");
        assertThat(trained.metrics().orElseThrow().classNames()).containsExactly("blue", "red");
        assertThat(Files.readString(directory.metrics())).contains("\"classNames\" : [ \"blue\", \"red\" ]");
    }

    @Test
    void anUnchangedFolderIsUpToDateAndAChangedAddedOrRemovedImageIsNamedByItsPathInTheProject() throws Exception {
        Path train = TinyImages.writeClasses(dir.resolve("train"), 8, 8, 8, 1);
        TinyImages.writeClasses(dir.resolve("test"), 4, 8, 8, 2);
        Path yaml = TinyImages.writeFolderModel(dir, "colours", "  train: {dir: train}\n  test: {dir: test}\n", 1);
        Path output = dir.resolve("out");
        service.train(inProject(yaml, output));
        String root = ModelDirectory.of(output, "colours").root().toString();

        assertThat(service.train(inProject(yaml, output)).trained()).isFalse();

        TinyImages.write(TinyImages.classImage(1, 8, 8, new Random(99)), "png", train.resolve("red/003.png"));
        assertThat(service.train(inProject(yaml, output)).reason())
                .isEqualTo("inputs changed since " + root + " was trained: file:train/red/003.png changed");

        TinyImages.write(TinyImages.classImage(1, 8, 8, new Random(98)), "png", train.resolve("red/new.png"));
        Files.delete(train.resolve("blue/000.png"));
        assertThat(service.train(inProject(yaml, output)).reason())
                .isEqualTo("inputs changed since " + root
                        + " was trained: file:train/red/new.png added, file:train/blue/000.png removed");
    }

    @Test
    void anImageAddedToANestedFolderWithASplitIsNamedWithEveryFolderOfItsPath() throws Exception {
        Path shapes = TinyImages.writeClasses(dir.resolve("data/shapes"), 8, 8, 8, 1);
        Path yaml = TinyImages.writeFolderModel(dir, "shapes", "  dir: data/shapes\n  testSplit: 0.25\n", 1);
        Path output = dir.resolve("target/cnn");
        service.train(inProject(yaml, output));
        String root = ModelDirectory.of(output, "shapes").root().toString();

        TinyImages.write(TinyImages.classImage(1, 8, 8, new Random(97)), "png", shapes.resolve("red/broken.png"));

        assertThat(service.train(inProject(yaml, output)).reason())
                .isEqualTo("inputs changed since " + root + " was trained: file:data/shapes/red/broken.png added");
        assertThat(Files.readString(ModelDirectory.of(output, "shapes").fingerprint()))
                .contains("file:data/shapes/red/broken.png=", "file:data/shapes/blue/000.png=");
    }

    @Test
    void aCorruptImageIsNamedAndNothingIsWritten() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 8, 8, 8, 1);
        Path broken = Files.writeString(images.resolve("blue/004.png"), "truncated");
        Path yaml = TinyImages.writeFolderModel(dir, "colours", "  dir: images\n  testSplit: 0.25\n", 3);
        Path output = dir.resolve("out");

        assertThatThrownBy(() -> service.train(TrainingRequest.of(yaml, output)))
                .isInstanceOf(DatasetException.class)
                .hasMessage(
                        broken + ": is not a PNG, JPEG, BMP, GIF or WebP image although its name says so; replace it"
                                + " or remove it; or set 'onBadImage: skip' in the model file's 'data' section to leave"
                                + " unreadable images out");
        assertThat(ModelDirectory.of(output, "colours").root()).doesNotExist();
    }

    @Test
    void skippedCorruptImagesAreLeftOutWithTheirLabelsAndNamedInOneLinePerSet() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 8, 8, 8, 1);
        Files.writeString(images.resolve("blue/004.png"), "truncated");
        Files.write(images.resolve("red/002.png"), new byte[0]);
        Path yaml = TinyImages.writeFolderModel(
                dir, "colours", "  dir: images\n  testSplit: 0.25\n  onBadImage: skip\n", 3);
        Path output = dir.resolve("out");

        TrainingResult trained = service.train(TrainingRequest.of(yaml, output));

        List<String> skipped =
                log.stream().filter(line -> line.contains("onBadImage")).toList();
        assertThat(skipped)
                .hasSizeBetween(1, 2)
                .allMatch(line -> line.matches(
                        "(training|test) set: skipped \\d" + " unreadable images? \\(onBadImage: skip\\): .*"));
        assertThat(String.join("\n", skipped)).contains("blue/004.png", "red/002.png");
        long testImages = trained.metrics().orElseThrow().test().count();
        assertThat(testImages).isBetween(2L, 4L);
        assertThat(trained.metrics().orElseThrow().test().accuracy()).isGreaterThan(0.5);
    }

    @Test
    void withTheCacheOffACorruptImageIsSkippedBeforeTheFirstEpochAndNamedInOneLine() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 8, 8, 8, 1);
        Files.writeString(images.resolve("blue/004.png"), "truncated");
        Path yaml = TinyImages.writeFolderModel(
                dir,
                "colours",
                "  train: {dir: images}\n  test: {dir: images}\n  onBadImage: skip\n  cache: false\n",
                3);
        Path output = dir.resolve("out");

        TrainingResult trained = service.train(TrainingRequest.of(yaml, output));

        assertThat(log.stream().filter(line -> line.contains("onBadImage")))
                .containsExactly(
                        "training set: skipped 1 unreadable image (onBadImage: skip): blue/004.png",
                        "test set: skipped 1 unreadable image (onBadImage: skip): blue/004.png");
        assertThat(trained.metrics().orElseThrow().test().count()).isEqualTo(15);
        assertThat(trained.metrics().orElseThrow().test().accuracy()).isGreaterThan(0.5);
        assertThat(dir.resolve("cnn-cache")).doesNotExist();
    }

    @Test
    void withTheCacheOffACorruptImageFailsTheBuildNamingItAndTheSkipSetting() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 8, 8, 8, 1);
        Path broken = Files.writeString(images.resolve("blue/004.png"), "truncated");
        Path yaml = TinyImages.writeFolderModel(
                dir, "colours", "  train: {dir: images}\n  test: {dir: images}\n  cache: false\n", 3);

        assertThatThrownBy(() -> service.train(TrainingRequest.of(yaml, dir.resolve("out"))))
                .isInstanceOf(TrainingException.class)
                .hasMessageStartingWith(broken + ": ")
                .hasMessageEndingWith("or set 'onBadImage: skip' in the model file's 'data' section to leave"
                        + " unreadable images out");
    }

    @Test
    void aCsvFileOfPathsAndClassNamesTrainsWithAHeldOutTestSet() throws Exception {
        Path images = TinyImages.writeClasses(dir.resolve("images"), 12, 8, 8, 1);
        StringBuilder rows = new StringBuilder("path,label\n");
        for (String name : TinyImages.CLASSES) {
            for (int i = 0; i < 12; i++) {
                rows.append(String.format("../images/%s/%03d.png,%s%n", name, i, name.toUpperCase()));
            }
        }
        Files.writeString(Files.createDirectories(dir.resolve("labels")).resolve("all.csv"), rows);
        Path yaml = Files.writeString(
                dir.resolve("csv.yaml"),
                TinyImages.modelYaml("csv", "csv", "  file: labels/all.csv\n  testSplit: 0.25\n", 3));

        TrainingResult trained = service.train(TrainingRequest.of(yaml, dir.resolve("out")));

        assertThat(log.get(1))
                .startsWith(
                        "18 training and 6 test images of 2 classes (BLUE, RED) from " + dir.resolve("labels/all.csv"));
        assertThat(trained.metrics().orElseThrow().test().count()).isEqualTo(6);
        assertThat(images.resolve("blue")).isDirectory();
    }

    @Test
    void imagesOfAnotherSizeAreResizedWhenTheModelFileSaysSo() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 12, 16, 12, 1);
        Path yaml = TinyImages.writeFolderModel(
                dir, "colours", "  dir: images\n  testSplit: 0.25\n" + "  resize: crop\n", 3);

        TrainingResult trained = service.train(TrainingRequest.of(yaml, dir.resolve("out")));

        assertThat(trained.metrics().orElseThrow().test().count()).isEqualTo(6);
    }

    /** A request whose project is the test's folder, as cnn:train's is the Maven project's. */
    private TrainingRequest inProject(Path yaml, Path output) {
        TrainingRequest r = TrainingRequest.of(yaml, output);
        return new TrainingRequest(
                r.modelFile(),
                r.outputDirectory(),
                dir,
                r.device(),
                r.devices(),
                r.force(),
                r.threads(),
                r.memoryLimit(),
                r.natives(),
                r.artifacts());
    }
}

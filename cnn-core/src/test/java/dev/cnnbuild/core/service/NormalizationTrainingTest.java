package dev.cnnbuild.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.cnnbuild.core.data.ChannelStatistics;
import dev.cnnbuild.core.data.DecodingImageStore;
import dev.cnnbuild.core.data.ImageFolderListing;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.evaluation.ChannelNormalization;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelIntegrityException;
import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.normalize: computed on the training set or given, stored in the model directory, applied by the check. */
class NormalizationTrainingTest {
    @TempDir
    Path dir;

    @Test
    void autoIsTheTrainingSetsStatisticsAndTheCheckAppliesThemAsTraining() throws Exception {
        Path train = TinyImages.writeClasses(dir.resolve("train"), 12, 8, 8, 1);
        TinyImages.writeClasses(dir.resolve("test"), 6, 8, 8, 2);
        Path yaml = TinyImages.writeFolderModel(
                dir, "colours", "  train: {dir: train}\n  test: {dir: test}\n" + "  normalize: auto\n", 3);
        Path output = dir.resolve("out");

        TrainingResult trained = new TrainingService((model, reason) -> {}).train(TrainingRequest.of(yaml, output));

        ModelDirectory directory = ModelDirectory.of(output, "colours");
        ChannelNormalization stored =
                ChannelNormalization.read(directory.root().resolve(ChannelNormalization.FILE_NAME));
        ChannelStatistics expected = ChannelStatistics.of(
                new DecodingImageStore(ImageFolderListing.list(train), new InputShape(3, 8, 8), ResizeMode.NONE));
        assertThat(stored).isEqualTo(new ChannelNormalization(expected.mean(), expected.std()));

        ModelCheck check = new CheckService()
                .check(CheckRequest.of(
                        output, List.of(Rule.builder("accuracy").minimum("0.5").build())))
                .get(0);
        double trainedLoss = trained.metrics().orElseThrow().test().loss();
        assertThat(check.measured().loss()).isCloseTo(trainedLoss, offset(1e-6));

        Path storedFile = directory.root().resolve(ChannelNormalization.FILE_NAME);
        Files.writeString(storedFile, Files.readString(storedFile).replaceFirst("\\d", "9"));
        assertThatThrownBy(() -> new CheckService()
                        .check(CheckRequest.of(
                                output,
                                List.of(Rule.builder("accuracy").minimum("0.5").build()))))
                .as("figures edited after training would feed the model otherwise: the manifest refuses them")
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(storedFile + " does not match its SHA-256 in manifest.sha256");
        Files.delete(storedFile);
        assertThatThrownBy(() -> new CheckService()
                        .check(CheckRequest.of(
                                output,
                                List.of(Rule.builder("accuracy").minimum("0.5").build()))))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageStartingWith(storedFile + " is missing from the model directory");
    }

    @Test
    void fixedFiguresAreStoredAsGiven() throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 8, 8, 8, 1);
        Path yaml = TinyImages.writeFolderModel(
                dir, "grey", "  dir: images\n  testSplit: 0.25\n" + "  normalize: {mean: [0.25], std: [0.5]}\n", 1);

        new TrainingService((model, reason) -> {}).train(TrainingRequest.of(yaml, dir.resolve("out")));

        assertThat(ChannelNormalization.read(dir.resolve("out/grey").resolve(ChannelNormalization.FILE_NAME)))
                .isEqualTo(new ChannelNormalization(new double[] {0.25}, new double[] {0.5}));
    }

    @Test
    void statisticsArePerChannelOnTheUnitScale() throws Exception {
        byte[] pixels = {0, (byte) 255, 0, (byte) 255, 51, 102, 51, 102};
        ChannelStatistics statistics = ChannelStatistics.of(new ImageSet(1, 2, 2, 2, pixels));

        assertThat(statistics.mean()[0]).isEqualTo(0.5);
        assertThat(statistics.mean()[1]).isCloseTo(0.3, offset(1e-12));
        assertThat(statistics.std()[0]).isEqualTo(0.5);
        assertThat(statistics.std()[1]).isCloseTo(0.1, offset(1e-12));
    }
}

package dev.cnnbuild.test;

import static dev.cnnbuild.test.CnnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.cli.TrainCommand;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.evaluation.Evaluation;
import dev.cnnbuild.core.model.ModelMetrics;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.test.fixtures.BandsModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A convolutional model really trained by {@code TrainCommand}, as {@code cnn:train} does, in about two seconds. */
class TrainedModelTest {
    @TempDir
    static Path dir;
    static CnnModel model;

    @BeforeAll
    static void train() throws Exception {
        writeHalves(dir, "train", 256, 1);
        writeHalves(dir, "test", 128, 2);
        Path yaml = Files.writeString(dir.resolve("halves.yaml"), "name: halves\n"
                + "input: {channels: 1, height: 8, width: 8}\n"
                + "classes: 2\n"
                + "layers:\n"
                + "  - conv2d: {filters: 4, kernel: 3}\n"
                + "  - relu\n"
                + "  - maxpool: {kernel: 2}\n"
                + "  - flatten\n"
                + "  - linear: {units: 2}\n"
                + "data:\n"
                + "  train: {images: train-images.idx3.gz, labels: train-labels.idx1.gz}\n"
                + "  test: {images: test-images.idx3.gz, labels: test-labels.idx1.gz}\n"
                + "training:\n"
                + "  epochs: 3\n"
                + "  batchSize: 16\n"
                + "  optimizer: {adam: {learningRate: 0.01}}\n"
                + "  seed: 7\n"
                + "  device: cpu\n");
        int status = TrainCommand.run(new String[] {"--output", dir.resolve("cnn").toString(), yaml.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(status).isZero();
        model = CnnModel.load(dir.resolve("cnn"), "halves");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void measuresWhatTheTrainerMeasured() throws Exception {
        Evaluation measured = model.evaluate(model.testSet().orElseThrow());
        ModelMetrics stored = ModelMetrics.read(dir.resolve("cnn/halves/metrics.json"));

        assertThat(measured.accuracy()).isEqualTo(stored.test().accuracy());
        assertThat(model.parameterCount()).isEqualTo(stored.parameterCount())
                .isEqualTo(ShapeInference.parameterCount(ModelSpecReader.read(dir.resolve("halves.yaml"))));
    }

    @Test
    void passesAndFailsWithTheMeasuredFigures() {
        Evaluation evaluation = model.evaluate(model.testSet().orElseThrow());
        assertThat(model).hasAccuracyAbove(0.9).everyClassHasAccuracyAbove(0.85).hasMacroF1Above(0.9)
                .hasParameterCountBelow(200).keepsAccuracyAboveUnderNoise(0.05, 0.85);

        assertThatThrownBy(() -> assertThat(model).hasAccuracyAbove(1))
                .hasMessageStartingWith(String.format(Locale.ROOT, "Expecting accuracy of model halves on its test"
                        + " set (%d of 128 correct) to be above 1.0000 but was %.4f; weakest classes: ",
                        evaluation.correct(), evaluation.accuracy()));
        assertThatThrownBy(() -> assertThat(model).hasParameterCountBelow(100))
                .hasMessage("Expecting model halves to have fewer than 100 parameters but it has 114");
    }

    /** Class 0 bright in its left half, class 1 in its right half, with seeded noise. */
    private static void writeHalves(Path dir, String prefix, int count, long seed) throws Exception {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                boolean bright = (p % 8 < 4) == (labels[i] == 0);
                pixels[i * 64 + p] = (byte) ((bright ? 160 : 40) + random.nextInt(80));
            }
        }
        BandsModel.writeIdx(dir, prefix, new LabeledImages(new ImageSet(count, 8, 8, pixels), labels));
    }
}

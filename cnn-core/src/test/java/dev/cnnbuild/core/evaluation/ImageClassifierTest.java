package dev.cnnbuild.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.cnnbuild.core.cli.TrainCommand;
import dev.cnnbuild.core.cli.TrainForkRequest;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageClassifierTest {
    @TempDir
    Path dir;

    @Test
    void predictionsAgreeWithTheEvaluationAndAreProbabilities() throws Exception {
        Path yaml = TinyDataset.writeModel(dir, "tiny", "");
        Path output = dir.resolve("out");
        assertThat(TrainCommand.run(
                        TrainForkRequest.of(output, List.of(yaml)),
                        new PrintStream(new ByteArrayOutputStream()),
                        System.err))
                .isZero();

        try (LoadedModel model = LoadedModel.load(ModelDirectory.of(output, "tiny"), Device.cpu())) {
            LabeledImages test =
                    DatasetLoader.load(model.spec().data().test(), model.spec().input(), 2);
            ImageClassifier classifier = model.classifier();
            Evaluation evaluation = classifier.evaluate(test, 50);

            List<Prediction> predictions = classifier.predictAll(test.images(), 50);

            assertThat(predictions).hasSize(test.size());
            long[][] confusion = new long[2][2];
            for (int i = 0; i < predictions.size(); i++) {
                confusion[test.labels()[i]][predictions.get(i).label()]++;
                assertThat(predictions.get(i).confidence()).isBetween(0.5, 1.0);
            }
            assertThat(confusion).isEqualTo(evaluation.confusion());
            Prediction alone = classifier.predict(test.images(), 77);
            assertThat(alone.label()).isEqualTo(predictions.get(77).label());
            // a batch of one and a batch of 50 may round differently in the engine's kernels
            assertThat(alone.probabilities())
                    .containsExactly(predictions.get(77).probabilities(), within(1e-5f));

            List<byte[]> decoded = new java.util.ArrayList<>();
            for (int i = 70; i < 80; i++) {
                decoded.add(java.util.Arrays.copyOfRange(
                        test.images().pixels(),
                        i * test.images().imageSize(),
                        (i + 1) * test.images().imageSize()));
            }
            List<Prediction> fromBytes = classifier.predictDecoded(decoded);
            List<Prediction> sameBatch = classifier.predictAll(
                    test.images()
                            .select(java.util.stream.IntStream.range(70, 80).toArray()),
                    50);
            for (int i = 0; i < 10; i++) {
                assertThat(fromBytes.get(i).label()).isEqualTo(sameBatch.get(i).label());
                assertThat(fromBytes.get(i).probabilities())
                        .containsExactly(sameBatch.get(i).probabilities(), within(1e-6f));
            }

            // one image at a time through the reused input: each call sees its own image, not the last one's
            DecodedPredictor predictor = new DecodedPredictor(classifier);
            for (int round = 0; round < 2; round++) {
                for (int i = 9; i >= 0; i--) {
                    Prediction reused =
                            predictor.predict(List.of(decoded.get(i))).get(0);
                    assertThat(reused)
                            .isEqualTo(classifier
                                    .predictDecoded(List.of(decoded.get(i)))
                                    .get(0));
                    assertThat(reused.probabilities())
                            .containsExactly(fromBytes.get(i).probabilities(), within(1e-5f));
                }
            }
            assertThat(predictor.predict(decoded)).isEqualTo(fromBytes);

            PredictedEvaluation onePass = classifier.evaluateAndPredict(test, 50);
            assertThat(onePass.evaluation().confusion()).isEqualTo(evaluation.confusion());
            assertThat(onePass.evaluation().lossSum()).isEqualTo(evaluation.lossSum());
            assertThat(onePass.predictions()).isEqualTo(predictions);
        }
    }

    @Test
    void theMostProbableClassIsPredictedTheFirstAmongEquals() {
        assertThat(Prediction.of(new float[] {0.1f, 0.7f, 0.2f}).label()).isOne();
        assertThat(Prediction.of(new float[] {0.4f, 0.2f, 0.4f}).label()).isZero();
        assertThat(Prediction.of(new float[] {0.1f, 0.7f, 0.2f}).confidence()).isEqualTo(0.7f);
        assertThat(Prediction.ofRows(new float[] {0.9f, 0.1f, 0.3f, 0.7f}, 2))
                .extracting(Prediction::label)
                .containsExactly(0, 1);
    }
}

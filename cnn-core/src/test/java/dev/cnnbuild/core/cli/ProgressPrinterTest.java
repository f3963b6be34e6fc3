package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.training.BatchProgress;
import dev.cnnbuild.core.training.DataWait;
import dev.cnnbuild.core.training.DiscardedCheckpoint;
import dev.cnnbuild.core.training.ResumePoint;
import dev.cnnbuild.core.training.TrainingPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private long now;
    private final List<String> lines = new ArrayList<>();
    private final ProgressPrinter printer = new ProgressPrinter(lines::add, () -> now, 10);

    @Test
    void printsABatchLineAtMostOncePerInterval() {
        now = 5;
        printer.onBatch(new BatchProgress(1, 10, 1, 234, 1180, 2.3, 50));
        now = 10;
        printer.onBatch(new BatchProgress(1, 10, 2, 234, 1210.4, 2.25, 49));
        now = 15;
        printer.onBatch(new BatchProgress(1, 10, 3, 234, 1200, 2.2, 48));

        assertThat(lines)
                .containsExactly("epoch 1/10: batch 2/234, 1,210 images/s, loss 2.2500, about 49 s left in this epoch");
    }

    @Test
    void printsTheListingAndTheDataLinesNamingTheModel() {
        printer.onImagesListed("pets", "120 training and 30 test images of 2 classes (cat, dog) from images");
        printer.onDataLine(
                "pets", "decoding training images: 41,000 of 100,000 files (41 %), 4,100 files/s, about 14 s left");

        assertThat(lines)
                .containsExactly(
                        "pets: 120 training and 30 test images of 2 classes (cat, dog) from images",
                        "pets: decoding training images: 41,000 of 100,000 files (41 %), 4,100 files/s, about 14 s left");
    }

    @Test
    void printsHowLongAnEpochWaitedForData() {
        printer.onDataWait(new DataWait(3, 0.4, 52.1, 2));
        printer.onDataWait(new DataWait(4, 12.5, 50, 1));

        assertThat(lines)
                .containsExactly(
                        "epoch 3: waited 0.4 s for data (0.8 % of the epoch's 52.1 s; 2 data workers)",
                        "epoch 4: waited 12.5 s for data (25.0 % of the epoch's 50.0 s; 1 data worker)");
    }

    @Test
    void printsEveryEpoch() {
        printer.onEpoch(new EpochMetrics(3, 0.45123, 0.87214, 0.12345, 0.961, 52.08, 1150.3));

        assertThat(lines)
                .containsExactly("epoch 3 done in 52.1 s (1,150 images/s): train loss 0.4512,"
                        + " train accuracy 0.8721, test loss 0.1235, test accuracy 0.9610");
    }

    @Test
    void leavesOutTheTestFiguresOfAnEpochAfterWhichTheTestSetWasNotMeasured() {
        printer.onEpoch(new EpochMetrics(3, 0.45123, 0.87214, null, null, 52.08, 1150.3, 0.2, 0.95));

        assertThat(lines)
                .containsExactly("epoch 3 done in 52.1 s (1,150 images/s): train loss 0.4512,"
                        + " train accuracy 0.8721, validation loss 0.2000, validation accuracy 0.9500");
    }

    @Test
    void printsTheValidationFiguresOfAnEpochBeforeTheTestFigures() {
        printer.onEpoch(new EpochMetrics(3, 0.45123, 0.87214, 0.12345, 0.961, 52.08, 1150.3, 0.2, 0.95));

        assertThat(lines)
                .containsExactly("epoch 3 done in 52.1 s (1,150 images/s): train loss 0.4512,"
                        + " train accuracy 0.8721, validation loss 0.2000, validation accuracy 0.9500, test loss 0.1235,"
                        + " test accuracy 0.9610");
    }

    @Test
    void printsThePlanWithTheHeldOutImages() {
        printer.onStart(new TrainingPlan("mnist-cnn", "cpu()", "PyTorch 2.7.1", 54000, 10000, 10, 256, 210, 6000));
        printer.onStart(new TrainingPlan("mnist-cnn", "cpu()", "PyTorch 2.7.1", 60000, 10000, 10, 256, 234));

        assertThat(lines)
                .containsExactly(
                        "mnist-cnn: training on cpu() with PyTorch 2.7.1: 54,000 training images (6,000 more held out for"
                                + " validation), 10,000 test images, 10 epochs of 210 batches of 256",
                        "mnist-cnn: training on cpu() with PyTorch 2.7.1: 60,000 training images, 10,000 test images,"
                                + " 10 epochs of 234 batches of 256");
    }

    @Test
    void printsWhereTrainingResumesAndWhyACheckpointIsDiscarded() {
        Path checkpoint = Path.of("target/cnn/.mnist-cnn.checkpoint/epoch-2");
        printer.onResume(new ResumePoint("mnist-cnn", 2, 10, checkpoint));
        printer.onCheckpointDiscarded(new DiscardedCheckpoint(
                "mnist-cnn", checkpoint, "it was saved after epoch 2, but a fresh start was asked for"));

        assertThat(lines)
                .containsExactly(
                        "mnist-cnn: resuming from the checkpoint after epoch 2 of 10"
                                + " (target/cnn/.mnist-cnn.checkpoint/epoch-2)",
                        "mnist-cnn: discarding the checkpoint target/cnn/.mnist-cnn.checkpoint/epoch-2: it was saved after"
                                + " epoch 2, but a fresh start was asked for");
    }

    @Test
    void printsHowEarlyStoppingEnded() {
        printer.onEarlyStopping(new EarlyStoppingResult(
                "validationLoss", 3, 0, true, 7, 4, 0.05, "validationLoss did not improve for 3 epochs"));
        printer.onEarlyStopping(new EarlyStoppingResult(
                "validationLoss",
                3,
                0,
                false,
                10,
                8,
                0.04,
                "trained all 10 epochs; validationLoss was best after epoch 8"));

        assertThat(lines)
                .containsExactly(
                        "early stopping after epoch 7: validationLoss did not improve for 3 epochs; keeping epoch 4's"
                                + " parameters",
                        "trained all 10 epochs; validationLoss was best after epoch 8; keeping epoch 8's parameters");
    }
}

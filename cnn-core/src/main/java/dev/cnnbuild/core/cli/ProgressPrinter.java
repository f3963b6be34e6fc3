package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.metrics.EarlyStoppingResult;
import dev.cnnbuild.core.metrics.EpochMetrics;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.text.Counted;
import dev.cnnbuild.core.threads.ThreadChange;
import dev.cnnbuild.core.training.BatchProgress;
import dev.cnnbuild.core.training.DataWait;
import dev.cnnbuild.core.training.DiscardedCheckpoint;
import dev.cnnbuild.core.training.ResumePoint;
import dev.cnnbuild.core.training.TrainingPlan;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns training events into log lines: why the model is trained, the image files found, the data's progress lines
 * (listing, hashing, decoding) and skipped images, the plan, a resumed or discarded checkpoint, a batch
 * line at most every {@code interval} (10 seconds by default), one line per epoch, a changed thread count, and how early stopping ended the
 * run.
 *
 * <pre>{@code
 * new TrainingService(new ProgressPrinter(System.out::println)).train(request);
 * // mnist-cnn: training: no model yet at target/cnn/mnist-cnn
 * // pets: 90,000 training and 10,000 test images of 2 classes (cat, dog) from images (10 % ... held out ...)
 * // pets: decoding training images: 41,000 of 90,000 files (46 %), 4,100 files/s, about 12 s left
 * // pets: training images decoded into the cache /p/target/cnn-cache/pets/train.images (12,920.4 MB), because
 * //     there was no cache yet
 * // mnist-cnn: resuming from the checkpoint after epoch 2 of 10 (target/cnn/.mnist-cnn.checkpoint/epoch-2)
 * // epoch 3/10: batch 45/234, 1,180 images/s, loss 0.4123, about 40 s left in this epoch
 * // epoch 3: waited 0.4 s for data (0.8 % of the epoch's 52.1 s; 2 data workers)
 * // epoch 3 done in 52.1 s (1,150 images/s): train loss 0.4512, train accuracy 0.8721, test loss 0.1234, ...
 * // mnist-cnn: 1 thread from now on instead of 2: other processes keep 1.0 of the 2 processors busy
 * // early stopping after epoch 7: validationLoss did not improve for 3 epochs; keeping epoch 4's parameters
 * }</pre>
 */
public final class ProgressPrinter implements TrainingService.Listener {
    private static final long DEFAULT_INTERVAL_NANOS = 10_000_000_000L;

    private final Consumer<String> out;
    private final LongSupplier clock;
    private final long intervalNanos;
    private long lastLine;

    /** Prints to {@code out} at most one batch line every 10 seconds. */
    public ProgressPrinter(Consumer<String> out) {
        this(out, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    ProgressPrinter(Consumer<String> out, LongSupplier clock, long intervalNanos) {
        this.out = out;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.lastLine = clock.getAsLong();
    }

    @Override
    public void onTrainingStarts(String modelName, String reason) {
        out.accept(modelName + ": training: " + reason);
    }

    @Override
    public void onNotExported(String modelName, String reason) {
        out.accept(modelName + ": no " + ModelDirectory.ONNX + ": " + reason);
    }

    @Override
    public void onImagesListed(String modelName, String summary) {
        out.accept(modelName + ": " + summary);
    }

    @Override
    public synchronized void onDataLine(String modelName, String line) {
        out.accept(modelName + ": " + line);
    }

    @Override
    public void onStart(TrainingPlan plan) {
        String heldOut = plan.validationImages() == 0
                ? ""
                : format(" (%,d more held out for validation)", plan.validationImages());
        out.accept(format(
                "%s: training on %s with %s: %s%s, %s, %s of %s of %d",
                plan.modelName(),
                plan.device(),
                plan.engine(),
                Counted.of(plan.trainImages(), "training image"),
                heldOut,
                Counted.of(plan.testImages(), "test image"),
                Counted.of(plan.epochs(), "epoch"),
                Counted.of(plan.batchesPerEpoch(), "batch", "batches"),
                plan.batchSize()));
        lastLine = clock.getAsLong();
    }

    @Override
    public void onResume(ResumePoint point) {
        out.accept(format(
                "%s: resuming from the checkpoint after epoch %d of %d (%s)",
                point.modelName(), point.epoch(), point.epochs(), point.checkpoint()));
    }

    @Override
    public void onCheckpointDiscarded(DiscardedCheckpoint discarded) {
        out.accept(format(
                "%s: discarding the checkpoint %s: %s",
                discarded.modelName(), discarded.checkpoint(), discarded.reason()));
    }

    @Override
    public void onBatch(BatchProgress p) {
        long now = clock.getAsLong();
        if (now - lastLine >= intervalNanos && p.batch() < p.batches()) {
            lastLine = now;
            out.accept(format(
                    "epoch %d/%d: batch %d/%d, %,.0f images/s, loss %.4f, about %.0f s left in this" + " epoch",
                    p.epoch(),
                    p.epochs(),
                    p.batch(),
                    p.batches(),
                    p.imagesPerSecond(),
                    p.runningLoss(),
                    p.secondsLeft()));
        }
    }

    @Override
    public void onEpoch(EpochMetrics e) {
        lastLine = clock.getAsLong();
        String validation = e.hasValidation()
                ? format(", validation loss %.4f, validation accuracy %.4f", e.validationLoss(), e.validationAccuracy())
                : "";
        String test = e.hasTest() ? format(", test loss %.4f, test accuracy %.4f", e.testLoss(), e.testAccuracy()) : "";
        out.accept(format(
                "epoch %d done in %.1f s (%,.0f images/s): train loss %.4f, train accuracy %.4f%s%s",
                e.epoch(), e.trainSeconds(), e.imagesPerSecond(), e.trainLoss(), e.trainAccuracy(), validation, test));
    }

    @Override
    public void onDataWait(DataWait wait) {
        out.accept(format(
                "epoch %d: waited %.1f s for data (%.1f %% of the epoch's %.1f s; %d data %s)",
                wait.epoch(),
                wait.waitSeconds(),
                100 * wait.share(),
                wait.epochSeconds(),
                wait.workers(),
                wait.workers() == 1 ? "worker" : "workers"));
    }

    @Override
    public void onThreadsChanged(ThreadChange change) {
        out.accept(change.describe());
    }

    @Override
    public void onEarlyStopping(EarlyStoppingResult result) {
        String ended = result.stoppedEarly() ? format("early stopping after epoch %d: ", result.lastEpoch()) : "";
        out.accept(format("%s%s; keeping epoch %d's parameters", ended, result.reason(), result.keptEpoch()));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}

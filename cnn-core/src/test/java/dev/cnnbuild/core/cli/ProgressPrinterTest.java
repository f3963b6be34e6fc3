package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.training.BatchProgress;
import dev.cnnbuild.core.training.EpochMetrics;
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

        assertThat(lines).containsExactly(
                "epoch 1/10: batch 2/234, 1,210 images/s, loss 2.2500, about 49 s left in this epoch");
    }

    @Test
    void printsEveryEpoch() {
        printer.onEpoch(new EpochMetrics(3, 0.45123, 0.87214, 0.12345, 0.961, 52.08, 1150.3));

        assertThat(lines).containsExactly("epoch 3 done in 52.1 s (1,150 images/s): train loss 0.4512,"
                + " train accuracy 0.8721, test loss 0.1235, test accuracy 0.9610");
    }
}

package dev.cnnbuild.core.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveThreadsTest {
    private static final long SECOND = 1_000_000_000L;

    private long now;
    private long busy;
    private long own;
    private int reads;
    private final Deque<Integer> threadsSet = new ArrayDeque<>();
    private final List<ThreadChange> changes = new ArrayList<>();

    private Optional<CpuTimes> read() {
        reads++;
        return Optional.of(new CpuTimes(busy, own, now));
    }

    private AdaptiveThreads adaptive() {
        return new AdaptiveThreads("tiny", 2, 2, this::read, () -> now, threadsSet::add, changes::add);
    }

    /** One second passes in which this process uses {@code ownCores} and others {@code otherCores}. */
    private void second(double ownCores, double otherCores) {
        now += SECOND;
        own += Math.round(ownCores * CpuTimes.TICKS_PER_SECOND);
        busy += Math.round((ownCores + otherCores) * CpuTimes.TICKS_PER_SECOND);
    }

    @Test
    void aNeighbourArrivingAndLeavingTakesAThreadAndGivesItBack() {
        AdaptiveThreads adaptive = adaptive();
        for (int i = 0; i < 3; i++) {
            second(2.0, 0.0);
            adaptive.afterBatch();
        }
        assertThat(threadsSet).isEmpty();

        second(1.0, 1.0);
        adaptive.afterBatch();
        second(1.0, 1.0);
        adaptive.afterBatch();
        assertThat(threadsSet).containsExactly(1);
        assertThat(adaptive.threads()).isEqualTo(1);
        assertThat(changes)
                .singleElement()
                .satisfies(
                        change -> assertThat(change.describe())
                                .isEqualTo(
                                        "tiny: 1 thread from now on instead of 2: other processes keep 1.0 of the 2 processors busy"));

        second(1.0, 1.0);
        adaptive.afterBatch();
        second(2.0, 0.0);
        adaptive.afterBatch();
        second(2.0, 0.0);
        adaptive.afterBatch();
        assertThat(threadsSet).containsExactly(1, 2);
        assertThat(changes)
                .last()
                .extracting(ThreadChange::describe)
                .isEqualTo(
                        "tiny: 2 threads from now on instead of 1: other processes keep 0.0 of the 2 processors busy");
    }

    @Test
    void batchesWithinASecondOfTheLastMeasurementReadNothing() {
        AdaptiveThreads adaptive = adaptive();
        int before = reads;
        for (int i = 0; i < 9; i++) {
            now += SECOND / 10;
            adaptive.afterBatch();
        }
        assertThat(reads).isEqualTo(before);

        now += SECOND / 10;
        adaptive.afterBatch();
        assertThat(reads).isEqualTo(before + 1);
    }

    @Test
    void closingGivesBackTheConfiguredCountOnlyWhenItChanged() {
        AdaptiveThreads unchanged = adaptive();
        unchanged.close();
        assertThat(threadsSet).isEmpty();

        AdaptiveThreads reduced = adaptive();
        second(1.0, 1.0);
        reduced.afterBatch();
        second(1.0, 1.0);
        reduced.afterBatch();
        reduced.close();
        assertThat(threadsSet).containsExactly(1, 2);
    }

    @Test
    void unreadableTimesChangeNothing() {
        AdaptiveThreads adaptive =
                new AdaptiveThreads("tiny", 2, 2, Optional::empty, () -> now, threadsSet::add, changes::add);
        for (int i = 0; i < 5; i++) {
            now += SECOND;
            adaptive.afterBatch();
        }
        assertThat(threadsSet).isEmpty();
        assertThat(adaptive.threads()).isEqualTo(2);
    }
}
